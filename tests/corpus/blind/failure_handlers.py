# Correct module. failure functions that do I/O and read the clock and randomness: a named one (annotated with the context type), one through functools.partial, one through a lambda, and a helper called only from failure functions that receives the context; the workflows themselves keep their work in steps
import functools
import logging
import time
import uuid
from datetime import datetime, timezone

import requests
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from payouts.db import pg
from payouts.ops import execute_payout, execute_refund, lock_account

app = FastAPI()
serve = Serve(app)
logger = logging.getLogger("payouts")

PAGER_URL = "https://pager.internal/v2/enqueue"


async def record_failure(context, fail_status: int, reason: str) -> None:
    incident_id = str(uuid.uuid4())
    await pg.execute(
        "insert into workflow_failures (id, run_id, status, reason, at) values ($1, $2, $3, $4, $5)",
        incident_id,
        context.workflow_run_id,
        fail_status,
        reason,
        datetime.now(timezone.utc),
    )


async def on_payout_failure(
    context: AsyncWorkflowContext[dict], fail_status: int, fail_response: str, fail_headers: dict
) -> None:
    started = time.monotonic()
    await record_failure(context, fail_status, fail_response)
    if fail_status >= 500:
        await lock_account(context.request_payload["account_id"])
    logger.error("payout failure handled in %.2fs", time.monotonic() - started)


async def page_team(team: str, context, fail_status, fail_response, fail_headers) -> None:
    requests.post(PAGER_URL, json={"team": team, "run": context.workflow_run_id, "status": fail_status}, timeout=5)
    await record_failure(context, fail_status, f"paged {team}")


async def on_refund_failure(context, fail_status, fail_response, fail_headers) -> None:
    await pg.execute("update refunds set state = 'failed', at = $2 where id = $1", context.request_payload["refund_id"], time.time())


@serve.post("/workflows/payout", failure_function=on_payout_failure)
async def payout(context: AsyncWorkflowContext[dict]) -> None:
    account_id = context.request_payload["account_id"]
    amount = context.request_payload["amount_cents"]
    await context.run("execute-payout", lambda: execute_payout(account_id, amount))


@serve.post("/workflows/payout-batch", failure_function=functools.partial(page_team, "payments"))
async def payout_batch(context: AsyncWorkflowContext[dict]) -> None:
    for item in context.request_payload["items"]:
        await context.run(
            f"payout-{item['account_id']}",
            lambda i=item: execute_payout(i["account_id"], i["amount_cents"]),
        )


@serve.post(
    "/workflows/refund",
    failure_function=lambda context, fail_status, fail_response, fail_headers: on_refund_failure(
        context, fail_status, fail_response, fail_headers
    ),
)
async def refund(context: AsyncWorkflowContext[dict]) -> None:
    refund_id = context.request_payload["refund_id"]
    result = await context.run("execute-refund", lambda: execute_refund(refund_id))
    if result.get("status") == "pending":
        await context.sleep("wait-settlement", "1h")
        await context.run("confirm-refund", lambda: execute_refund(refund_id, confirm=True))
