# shapes: correct; async_serve(fn, retries=...)["handler"] mounted on Starlette; context attributes deciding steps: a deterministic early return before the first step on an HMAC of context.headers and the payload (hmac.new/hmac.compare_digest), a dry-run header deciding a step and a return, `match` on a payload field, a payload loop with default-argument lambdas, context.workflow_run_id in step names and bodies, context.env and an os.getenv flag deciding a context.call, context.url in a call body; async step functions returned by lambdas
import hashlib
import hmac
import json
import os
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.routing import Route
from upstash_workflow import AsyncWorkflowContext, async_serve

SIGNING_KEY = os.environ.get("PARTNER_SIGNING_KEY", "")
ENABLE_SMS = os.getenv("ENABLE_SMS", "0") == "1"
ORDERS_API = os.environ.get("ORDERS_API", "https://orders.internal")
SMS_URL = "https://sms.internal/send"


def expected_signature(payload: dict[str, Any]) -> str:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(SIGNING_KEY.encode("utf-8"), body, hashlib.sha256).hexdigest()


async def sync_order(order: dict[str, Any], region: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=ORDERS_API, timeout=10) as client:
        resp = await client.put(f"/{region}/orders/{order['id']}", json=order)
    return {"status": resp.status_code}


async def cancel_order(order_id: str, region: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=ORDERS_API, timeout=10) as client:
        resp = await client.delete(f"/{region}/orders/{order_id}")
    return {"status": resp.status_code}


async def reserve(line: dict[str, Any]) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=ORDERS_API, timeout=10) as client:
        resp = await client.post("/reservations", json=line)
    return {"sku": line["sku"], "reserved": resp.status_code == 201}


async def route_partner_event(context: AsyncWorkflowContext[dict[str, Any]]) -> None:
    headers = context.headers
    payload = context.request_payload
    signature = headers.get("x-partner-signature", "")
    if not hmac.compare_digest(signature, expected_signature(payload)):
        return

    region = context.env.get("ORDERS_REGION", "eu")
    event = payload.get("event", "")
    run_id = context.workflow_run_id

    if headers.get("x-dry-run") == "1":
        await context.run("dry-run-ack", lambda: {"ack": True, "run": run_id, "event": event})
        return

    match event:
        case "order.created":
            await context.run(f"create-order-{run_id}", lambda: sync_order(payload["order"], region))
        case "order.cancelled":
            await context.run(f"cancel-order-{run_id}", lambda: cancel_order(payload["order"]["id"], region))
        case _:
            await context.run("ignore-event", lambda: {"ignored": event})
            return

    for idx, line in enumerate(payload.get("lines", [])):
        await context.run(f"reserve-{idx}-{line['sku']}", lambda line=line: reserve(line))

    if ENABLE_SMS and payload.get("phone"):
        await context.call(
            "send-sms",
            url=SMS_URL,
            method="POST",
            body={"to": payload["phone"], "run": run_id, "callback": context.url},
        )


partner_handler = async_serve(route_partner_event, retries=2)["handler"]

app = Starlette(routes=[Route("/workflows/partner-events", partner_handler, methods=["POST"])])
