# shapes: routes on a Serve imported from orderflow.main, context typed with a Protocol from deps.py, a module-level upstash_redis client from deps.py read before the first step, step factories from steps.py (fine) vs a plain imported function called eagerly, `import orderflow.pricing as pricing` ending in random, gather of two steps, an outer list mutated in a step, a float sleep, a step call returned unawaited
from __future__ import annotations

import asyncio

import orderflow.pricing as pricing
from orderflow.deps import WorkflowCtx, cache
from orderflow.main import serve
from orderflow.steps import (
    confirm_reservation,
    create_label,
    list_pending_orders,
    make_capture_step,
    make_reserve_step,
    notify_customer,
    notify_warehouse,
    release_stock,
    reserve_inventory,
    send_shipping_report,
)

CANCEL_WEBHOOK = "https://hooks.internal.example.com/orders/cancelled"


@serve.post("/workflows/orders/place")
async def place_order(context: WorkflowCtx) -> None:
    order = context.request_payload
    lock = cache.get(f"order-lock:{order['id']}")  # expect: UWF103
    if lock:
        return  # expect: UWF104

    await context.run("reserve-stock", make_reserve_step(order))
    quote = pricing.quote_with_variant(order)  # expect: UWF102
    await context.run("capture-payment", make_capture_step(order, quote))
    await context.run("clear-lock", lambda: cache.delete(f"order-lock:{order['id']}"))


@serve.post("/workflows/orders/restock")
async def restock(context: WorkflowCtx) -> None:
    payload = context.request_payload
    reservation = await context.run("reserve", reserve_inventory(payload))  # expect: UWF203
    await context.sleep("settle", 2.5)  # expect: UWF307
    await context.run("confirm", lambda: confirm_reservation(reservation))


@serve.post("/workflows/orders/fan-out")
async def fan_out(context: WorkflowCtx) -> None:
    order_id = context.request_payload["order_id"]
    await asyncio.gather(  # expect: UWF302
        context.run("notify-warehouse", lambda: notify_warehouse(order_id)),
        context.run("notify-customer", lambda: notify_customer(order_id)),
    )


@serve.post("/workflows/orders/ship-pending")
async def ship_pending(context: WorkflowCtx) -> None:
    pending = await context.run("list-pending", lambda: list_pending_orders())
    tracking_numbers: list[str] = []
    for order_id in pending:

        async def _ship(oid: str = order_id) -> None:
            label = await create_label(oid)
            tracking_numbers.append(label["tracking"])  # expect: UWF201

        await context.run(f"ship-{order_id}", _ship)
    await context.run("report", lambda: send_shipping_report(tracking_numbers))


@serve.post("/workflows/orders/cancel")
async def cancel_order(context: WorkflowCtx) -> None:
    order_id = context.request_payload["order_id"]
    await context.run("release-stock", lambda: release_stock(order_id))
    return context.call("notify-cancel", url=CANCEL_WEBHOOK, method="POST", body={"order_id": order_id})  # expect: UWF303
