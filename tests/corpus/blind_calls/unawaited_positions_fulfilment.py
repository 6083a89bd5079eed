# shapes: UWF303 in every position the spec lists but the `if` test: a `while` test, a list comprehension, a dict comprehension, an argument of `.append`, an argument of a logging call, a keyword argument of a file function, one branch of a conditional expression, the value of the route's `return`. UWF308 (and no UWF303) for unawaited unknown methods on the async context: `create_webhook` and `cancel` (docs-only, absent from 2.0.0). Fine: a plain-def helper returning a step call that every caller awaits, `await (a if c else b)`, an awaited step as an `if` test and as a comprehension element
import functools
import logging

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("fulfilment")

app = FastAPI()
serve = Serve(app)

WAREHOUSE_URL = "https://wms.example.com"
CARRIER_URL = "https://carrier.example.com/api/pickups"


async def label_ready(order_id: str) -> bool:
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"{WAREHOUSE_URL}/orders/{order_id}/label")
        return resp.status_code == 200


async def reserve(sku: str, qty: int) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.post(f"{WAREHOUSE_URL}/reservations", json={"sku": sku, "qty": qty})
        return {"sku": sku, "reservation": resp.json()["id"]}


def make_invoice(order: dict) -> dict:
    return {"order": order["id"], "total": sum(l["price"] * l["qty"] for l in order["lines"])}


def summarise(order_id: str, invoice=None) -> dict:
    return {"order": order_id, "has_invoice": invoice is not None}


def post_event(ctx, order_id: str, event: str):
    return ctx.call(f"notify-{event}", url=f"{WAREHOUSE_URL}/events", method="POST", body={"order": order_id, "event": event})


@serve.post("/api/fulfil")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload
    order_id = order["id"]
    audit = []

    lines = await context.run("load-lines", lambda: [l for l in order["lines"] if l["qty"] > 0])
    if not await context.run("check-stock", lambda: all(l.get("in_stock", True) for l in lines)):
        await post_event(context, order_id, "backorder")
        return

    reservations = [context.run(f"reserve-{l['sku']}", functools.partial(reserve, l["sku"], l["qty"])) for l in lines]  # expect: UWF303
    log.info("reserved %d lines", len(reservations))

    holds = {l["sku"]: context.run(f"hold-{l['sku']}", lambda sku=l["sku"]: {"held": sku}) for l in lines}  # expect: UWF303
    log.info("holds: %s", sorted(holds))

    audit.append(context.run("audit-reserved", lambda: {"order": order_id, "lines": len(lines)}))  # expect: UWF303

    summary = summarise(order_id, invoice=context.run("invoice", functools.partial(make_invoice, order)))  # expect: UWF303
    log.info("summary %s", summary)

    while not context.run("label-ready", lambda: label_ready(order_id)):  # expect: UWF303
        await context.sleep("label-wait", 30)

    hook = context.create_webhook("carrier-pickup")  # expect: UWF308
    log.info("pickup webhook %s", hook)

    log.info("pickup booked: %s", context.call("book-pickup", url=CARRIER_URL, method="POST", body={"order": order_id}))  # expect: UWF303

    express = order.get("express", False)
    await (context.call("ship-express", url=f"{CARRIER_URL}/express", method="POST", body={"order": order_id}) if express else context.sleep("batch-window", "4h"))

    shipped = [await context.run(f"confirm-{l['sku']}", lambda sku=l["sku"]: {"confirmed": sku}) for l in lines]
    await post_event(context, order_id, "shipped")

    if order.get("cancel_after_ship"):
        context.cancel()  # expect: UWF308
        return

    await context.run("close-order", lambda: {"order": order_id, "confirmed": len(shipped)})


@serve.post("/api/fulfil/ping")
async def ping_carrier(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("ping-prepare", lambda: {"carrier": CARRIER_URL})
    slow = context.sleep("ping-slow", 10) if context.request_payload.get("slow") else None  # expect: UWF303
    log.info("slow path pending: %s", slow is not None)
    return context.call("ping-carrier", url=f"{CARRIER_URL}/ping")  # expect: UWF303
