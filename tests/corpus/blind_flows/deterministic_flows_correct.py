# shapes: correct. FastAPI Serve; every while/for/for-else/match/walrus/conditional expression/break/continue/early return that decides steps is decided by the payload, the headers, the run id, context.env, os.getenv, a random.Random seeded with the run id, or step results; the clock appears only directly in sleep_until and call arguments; step names from the run id, payload and step results
import logging
import os
import random
import time
from datetime import datetime, timedelta, timezone

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("orders")

app = FastAPI(title="orders")
serve = Serve(app)

ORDERS_API = os.environ.get("ORDERS_API", "https://orders.internal")
FRAUD_SAMPLE = float(os.environ.get("FRAUD_SAMPLE", "0.1"))


async def orders(path: str, body: dict | None = None) -> dict:
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.post(f"{ORDERS_API}{path}", json=body or {})
        resp.raise_for_status()
        return resp.json()


@serve.post("/orders/fulfil")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    if context.headers.get("x-internal") != "1":
        log.warning("external call to fulfil for run %s", context.workflow_run_id)
        return
    order = context.request_payload["order"]
    match context.request_payload.get("channel", "web"):
        case "marketplace":
            await context.run("sync-marketplace", lambda: orders("/marketplace/sync", {"order": order}))
        case "pos":
            return
        case _:
            pass
    lines = await context.run("load-lines", lambda: orders("/lines", {"order": order}))
    for line in lines["items"]:
        if line["digital"]:
            continue
        if line["qty"] > 100:
            await context.run("split-line", lambda line=line: orders("/lines/split", line))
            break
        await context.run("pick-line", lambda line=line: orders("/lines/pick", line))
    else:
        await context.run("all-picked", lambda: orders("/orders/picked", {"order": order}))
    await context.run(f"ship-{order}-{context.workflow_run_id}", lambda: orders("/ship", {"order": order}))


@serve.post("/orders/fraud-sample")
async def fraud_sample(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload["order"]
    rng = random.Random(context.workflow_run_id)
    if rng.random() < FRAUD_SAMPLE:
        await context.run("fraud-review", lambda: orders("/fraud/review", {"order": order}))

    async def _reviewers() -> list:
        listing = await orders("/reviewers")
        return listing["names"]

    reviewers = await context.run("list-reviewers", _reviewers)
    second = rng.choice(reviewers)
    await context.run(f"second-look-{second}", lambda: orders("/fraud/second-look", {"order": order, "by": second}))
    if os.getenv("FRAUD_STRICT") == "1" and context.env.get("REGION") == "eu":
        await context.run("strict-hold", lambda: orders("/fraud/hold", {"order": order}))


@serve.post("/orders/settle")
async def settle(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload["order"]
    if (invoice := await context.run("invoice", lambda: orders("/invoices", {"order": order})))["paid"]:
        return
    attempts = 0
    while not invoice["paid"] and attempts < context.request_payload.get("max_attempts", 3):
        await context.sleep_until("next-dunning", time.time() + 86_400)
        invoice = await context.run("recheck-invoice", lambda: orders("/invoices/check", {"order": order}))
        attempts += 1
    await (context.run("close-paid", lambda: orders("/orders/close", {"order": order})) if invoice["paid"] else context.run("send-to-collections", lambda: orders("/collections", {"order": order})))
    await context.call(
        "notify-erp",
        url=f"{ORDERS_API}/erp/hooks",
        method="POST",
        body={"order": order, "sent_at": datetime.now(timezone.utc).isoformat()},
        headers={"x-run": context.workflow_run_id},
    )


@serve.post("/orders/hold")
async def hold(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload["order"]
    hold_days = context.request_payload.get("days", 3)
    await context.run("place-hold", lambda: orders("/holds", {"order": order}))
    await context.sleep_until("hold-expiry", datetime.now(timezone.utc) + timedelta(days=hold_days))
    status = await context.run("hold-status", lambda: orders("/holds/status", {"order": order}))
    step = "release-hold" if status["clear"] else "escalate-hold"
    await context.run(step, lambda: orders(f"/holds/{step}", {"order": order}))
