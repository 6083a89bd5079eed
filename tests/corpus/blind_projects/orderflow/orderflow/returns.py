# shapes: clean workflow module (must get no finding): routes on the imported Serve, Protocol-typed context, the redis client used only inside steps, a step factory from steps.py, a local workflow helper receiving the context, a deterministic early return on headers, a clock value reaching only sleep_until, awaited context.call, an early return decided by a step result
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

from orderflow.deps import WorkflowCtx, cache
from orderflow.main import serve
from orderflow.steps import make_reserve_step, release_stock

RETURNS_TOKEN = os.environ.get("RETURNS_TOKEN", "")
CARRIER_URL = "https://carrier.internal.example.com/v1/pickups"
RETURN_WINDOW_DAYS = 14


async def _schedule_pickup(context: WorkflowCtx, order_id: str, address: dict) -> None:
    await context.call(
        "schedule-pickup",
        url=CARRIER_URL,
        method="POST",
        body={"order_id": order_id, "address": address},
        headers={"Content-Type": "application/json"},
    )


@serve.post("/workflows/returns/start")
async def start_return(context: WorkflowCtx) -> None:
    if context.headers.get("x-returns-token") != RETURNS_TOKEN:
        return
    request = context.request_payload
    order_id = request["order_id"]

    async def _load_order() -> dict | None:
        raw = cache.get(f"order:{order_id}")
        return None if raw is None else {"order_id": order_id, "raw": raw}

    order = await context.run("load-order", _load_order)
    if order is None:
        await context.run("reject-return", lambda: {"order_id": order_id, "status": "unknown-order"})
        return

    await _schedule_pickup(context, order_id, request["address"])
    deadline = datetime.now(timezone.utc) + timedelta(days=RETURN_WINDOW_DAYS)
    await context.sleep_until("wait-for-parcel", deadline)
    await context.run("restock", make_reserve_step({"id": order_id, "lines": request["lines"]}))
    await context.run("release-hold", lambda: release_stock(order_id))


@serve.post("/workflows/returns/expire")
async def expire_return(context: WorkflowCtx) -> None:
    order_id = context.request_payload["order_id"]
    await context.sleep("grace", "2d")
    status = await context.run("check-status", lambda: cache.get(f"return-status:{order_id}"))
    if status != "received":
        await context.run("expire", lambda: cache.set(f"return-status:{order_id}", "expired"))
