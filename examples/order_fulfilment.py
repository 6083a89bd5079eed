"""Order fulfilment on FastAPI: charge the card, ship the parcel, tell the customer.

Serve it with `uvicorn examples.order_fulfilment:app` (QSTASH_TOKEN and the QStash signing
keys in the environment), then start a run by publishing an order to `/api/orders/fulfil`.

This file has replay mistakes in it, the kind that pass every test that calls the endpoint
once and then break in production, where QStash calls the endpoint again for every step.
A comment above each one says what goes wrong; `wfcheck check examples/` finds them all.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, List

import httpx
from fastapi import FastAPI
from redis.asyncio import Redis
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)

redis = Redis.from_url(
    os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True
)

PAYMENTS_API = "https://payments.example.com/v1"
CARRIER_API = "https://carrier.example.com/v2"
MAILER_API = "https://mailer.example.com/send"
SMS_API = "https://sms.example.com/messages"

# Orders placed after this hour (UTC) are shipped the next morning.
CUTOFF_HOUR = 17


async def charge_card(order: Dict[str, Any], idempotency_key: str) -> Dict[str, Any]:
    async with httpx.AsyncClient(base_url=PAYMENTS_API, timeout=10) as client:
        response = await client.post(
            "/charges",
            json={
                "amount": order["total_cents"],
                "currency": "usd",
                "customer": order["customer_id"],
            },
            headers={"Idempotency-Key": idempotency_key},
        )
        response.raise_for_status()
        return response.json()


async def book_shipment(order_id: str, parcel: Dict[str, Any]) -> Dict[str, Any]:
    async with httpx.AsyncClient(base_url=CARRIER_API, timeout=10) as client:
        response = await client.post("/shipments", json={"reference": order_id, **parcel})
        response.raise_for_status()
        return response.json()


async def send_email(to: str, template: str, data: Dict[str, Any]) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(
            MAILER_API, json={"to": to, "template": template, "data": data}
        )
        response.raise_for_status()


async def send_sms(to: str, text: str) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(SMS_API, json={"to": to, "text": text})
        response.raise_for_status()


async def wait_for_pickup(context: AsyncWorkflowContext[Dict[str, Any]], order_id: str) -> None:
    """Gives the warehouse time to pack the parcel before the carrier is booked."""
    await context.sleep(f"wait-for-pickup-{order_id}", "2h")


@serve.post("/api/orders/fulfil")
async def fulfil_order(context: AsyncWorkflowContext[Dict[str, Any]]) -> None:
    order = context.request_payload
    order_id = order["order_id"]

    # The "already fulfilled?" cache read runs outside a step, so every call of the endpoint
    # reads Redis again. When the key appears half-way through a run, the early return is
    # taken before any step and QStash gets "Failed to authenticate Workflow request".
    if await redis.get(f"order:{order_id}:fulfilled"):
        return

    # A fresh idempotency key is drawn on every call, so the step name changes on each
    # replay and never matches the recorded one ("Incompatible step name").
    idempotency_key = str(uuid.uuid4())

    async def _charge() -> Dict[str, Any]:
        return await charge_card(order, idempotency_key)

    payment = await context.run(f"charge-{idempotency_key}", _charge)

    # The clock is read outside a step: a run that is replayed after the cut-off takes the
    # other branch, and the steps no longer line up with the ones already recorded.
    if datetime.now(timezone.utc).hour >= CUTOFF_HOUR:
        await context.sleep("wait-until-morning", "12h")

    shipments: List[Dict[str, Any]] = []

    async def _ship() -> None:
        # Waiting inside a step: the helper starts a step of its own while this one runs.
        await wait_for_pickup(context, order_id)
        for parcel in order["parcels"]:
            # The shipments are collected in a list of the workflow instead of being returned:
            # on the next call the step is not run again and the list is empty.
            shipments.append(await book_shipment(order_id, parcel))

    await context.run("book-shipments", _ship)

    async def _email() -> None:
        await send_email(
            order["email"],
            "order-shipped",
            {
                "order_id": order_id,
                "payment_id": payment["id"],
                "tracking": [s["tracking_number"] for s in shipments],
            },
        )

    async def _sms() -> None:
        await send_sms(order["phone"], f"Your order {order_id} is on its way.")

    # The Python SDK runs one step at a time: two steps awaited together fail with
    # "Running parallel steps is not yet available in workflow-py".
    await asyncio.gather(
        context.run("email-customer", _email),
        context.run("sms-customer", _sms),
    )

    async def _mark_fulfilled() -> None:
        await redis.set(f"order:{order_id}:fulfilled", "1", ex=30 * 24 * 3600)

    await context.run("mark-fulfilled", _mark_fulfilled)


# A placeholder workflow with no step at all: the SDK's authentication dry run returns
# without reaching a step, so every call is answered with HTTP 400.
@serve.post("/api/orders/cancel")
async def cancel_order(context: AsyncWorkflowContext[Dict[str, Any]]) -> None:
    order_id = context.request_payload["order_id"]
    print(f"TODO: refund and cancel order {order_id}")
