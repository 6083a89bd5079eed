# Shapes: step functions called eagerly (plain and awaited), step factories (module function returning a def, functools.partial) that are fine, a def with a required parameter, a lambda with a required parameter, default-argument lambdas in a loop (fine), a non-callable literal, empty/missing/non-str step names, an async def step on a sync serve() context.
from __future__ import annotations

import logging
from functools import partial

import httpx
from fastapi import FastAPI
from upstash_workflow import WorkflowContext
from upstash_workflow import serve as sync_serve
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI()
workflows = Serve(app)

LEDGER_API = "https://ledger.internal"
WEBHOOK_URL = "https://hooks.example.com/ledger"


def fetch_account(account_id: str) -> dict:
    return {"id": account_id, "batches": [1, 2, 3]}


async def fetch_ledger(account_id: str) -> dict:
    async with httpx.AsyncClient(base_url=LEDGER_API) as client:
        response = await client.get(f"/ledgers/{account_id}")
        return response.json()


def reconcile(account_id: str) -> dict:
    return {"account": account_id, "reconciled": True}


def make_reconcile_step(account_id: str):
    def _step() -> dict:
        return reconcile(account_id)

    return _step


def close_period(period_id: str) -> dict:
    return {"period": period_id, "closed": True}


def post_batch(batch: int) -> dict:
    return {"batch": batch}


def notify(account_id: str) -> dict:
    return {"notified": account_id}


@workflows.post("/ledger/close")
async def close_ledger(context: AsyncWorkflowContext[dict]) -> None:
    account_id = context.request_payload["account_id"]

    account = await context.run("account", fetch_account(account_id))  # expect: UWF203
    ledger = await context.run("ledger", await fetch_ledger(account_id))  # expect: UWF203
    logger.info("ledger %s has %d entries", account_id, len(ledger["entries"]))

    await context.run("reconcile", make_reconcile_step(account_id))
    await context.run("reconcile-again", partial(reconcile, account_id))

    await context.run("close-period", close_period)  # expect: UWF205
    await context.run("archive", lambda period: close_period(period))  # expect: UWF205
    await context.run("mark-closed", "closed")  # expect: UWF205

    for batch in account["batches"]:
        await context.run(f"post-batch-{batch}", lambda b=batch: post_batch(b))

    await context.run("", partial(notify, account_id))  # expect: UWF306
    await context.run(2, partial(notify, account_id))  # expect: UWF306
    await context.call(url=WEBHOOK_URL, method="POST", body=account)  # expect: UWF306


def nightly_rollup(context: WorkflowContext[dict]) -> None:
    day = context.request_payload["day"]

    async def _rollup() -> dict:
        async with httpx.AsyncClient(base_url=LEDGER_API) as client:
            response = await client.post("/rollups", json={"day": day})
            return response.json()

    context.run("rollup", _rollup)  # expect: UWF205
    context.run("close-day", lambda: close_period(day))


rollup_handler = sync_serve(nightly_rollup)
