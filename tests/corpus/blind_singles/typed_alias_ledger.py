# shapes: correct: `from __future__ import annotations` with the context class imported only under TYPE_CHECKING, string annotations on helpers, typing.cast of an untyped route parameter, two annotated workflow helpers called from the route (one by keyword), redis.asyncio and Decimal arithmetic only inside a nested step (results returned as str), datetime.now().isoformat() and str(uuid4()) inside the step, a deterministic early return on headers, a helper's datetime.now() deadline reaching only sleep_until and logging
from __future__ import annotations

import logging
import typing
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import TYPE_CHECKING

import redis.asyncio as aioredis
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

if TYPE_CHECKING:
    from upstash_workflow import AsyncWorkflowContext

log = logging.getLogger("ledger")
app = FastAPI()
serve = Serve(app)
balances = aioredis.Redis(host="ledger-cache", port=6379, decode_responses=True)

ALLOWED_SOURCES = ("payments", "admin")


async def post_entry(ctx: "AsyncWorkflowContext[dict]", account: str, amount: str) -> str:
    async def _post() -> dict:
        current = Decimal(await balances.get(f"bal:{account}") or "0")
        updated = current + Decimal(amount)
        await balances.set(f"bal:{account}", str(updated))
        return {
            "entry": str(uuid.uuid4()),
            "balance": str(updated),
            "at": datetime.now(timezone.utc).isoformat(),
        }

    entry = await ctx.run(f"post-{account}", _post)
    return entry["entry"]


async def settle_later(ctx: AsyncWorkflowContext[dict], hours: int) -> None:
    settle_at = datetime.now(timezone.utc) + timedelta(hours=hours)
    log.info("settling run %s at %s", ctx.workflow_run_id, settle_at)
    await ctx.sleep_until("settle-window", settle_at)


@serve.post("/ledger/transfer")
async def transfer(context) -> None:
    ctx = typing.cast("AsyncWorkflowContext[dict]", context)
    body = ctx.request_payload
    source = ctx.headers.get("x-ledger-source")
    if source not in ALLOWED_SOURCES:
        log.warning("rejected transfer from %s", source)
        return

    amount = Decimal(body["amount"])
    debit = await post_entry(ctx, body["from"], str(-amount))
    credit = await post_entry(ctx, body["to"], str(amount))
    await settle_later(ctx=ctx, hours=int(body.get("settle_hours", 24)))
    await ctx.run("confirm", lambda: {"debit": debit, "credit": credit, "amount": str(amount)})
