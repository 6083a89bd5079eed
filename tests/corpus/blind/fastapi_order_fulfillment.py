# Correct module. FastAPI Serve adapter, deterministic early return on a header, inner-def steps, context.call with retries, a step-result-driven branch that returns, a dataclass converted with asdict inside the step, a loop of steps over the request payload with default-argument lambdas, env vars read at import time
from __future__ import annotations

import logging
import os
from dataclasses import asdict, dataclass

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from shopfront.inventory import reserve_items, release_reservation
from shopfront.notifications import notify_customer

logger = logging.getLogger(__name__)

app = FastAPI(title="fulfillment")
serve = Serve(app)

WAREHOUSE_URL = os.environ.get("WAREHOUSE_URL", "https://warehouse.internal")
INTERNAL_TOKEN = os.environ["INTERNAL_TOKEN"]


@dataclass
class Shipment:
    order_id: str
    carrier: str
    tracking_number: str


@serve.post("/workflows/fulfill-order")
async def fulfill_order(context: AsyncWorkflowContext[dict]) -> None:
    if context.headers.get("x-internal-token") != INTERNAL_TOKEN:
        logger.warning("rejected fulfillment request without a valid token")
        return

    payload = context.request_payload
    order_id = payload["order_id"]
    items = payload.get("items", [])
    logger.info("fulfilling order %s (%d items)", order_id, len(items))

    async def _reserve() -> dict:
        reservation = await reserve_items(order_id, items)
        return {"reservation_id": reservation.id, "count": len(items)}

    reservation = await context.run("reserve-stock", _reserve)

    label = await context.call(
        "create-label",
        url=f"{WAREHOUSE_URL}/labels",
        method="POST",
        body={"order_id": order_id, "reservation": reservation["reservation_id"]},
        headers={"authorization": f"Bearer {INTERNAL_TOKEN}"},
        retries=3,
    )

    if label.status_code >= 400:
        async def _release() -> None:
            await release_reservation(reservation["reservation_id"])

        await context.run("release-stock", _release)
        return

    async def _record_shipment() -> dict:
        shipment = Shipment(
            order_id=order_id,
            carrier=label.body["carrier"],
            tracking_number=label.body["tracking_number"],
        )
        async with httpx.AsyncClient(base_url=WAREHOUSE_URL, timeout=10) as client:
            response = await client.post("/shipments", json=asdict(shipment))
            response.raise_for_status()
        return asdict(shipment)

    shipment = await context.run("record-shipment", _record_shipment)

    for item in items:
        await context.run(
            f"notify-{item['sku']}",
            lambda sku=item["sku"]: notify_customer(order_id, sku, shipment["tracking_number"]),
        )

    await context.sleep("wait-before-survey", "3d")

    async def _send_survey() -> None:
        await notify_customer(order_id, None, template="survey")

    await context.run("send-survey", _send_survey)
