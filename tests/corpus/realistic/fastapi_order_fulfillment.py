# Shapes: FastAPI Serve on an app, redis.asyncio cache read before the first step with an early return, outer list mutated inside a step, failure_function doing I/O (not workflow code).
"""Order fulfilment workflow for the storefront API.

Triggered by the checkout service once payment is captured.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

import httpx
from fastapi import FastAPI
from redis.asyncio import Redis
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI(title="fulfilment")
serve = Serve(app)

cache = Redis.from_url("redis://cache.internal:6379/0")
WAREHOUSE_URL = "https://warehouse.internal/api/v2"
OPS_WEBHOOK = "https://hooks.example.com/ops"


async def reserve_stock(order: dict[str, Any]) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(f"{WAREHOUSE_URL}/reservations", json=order)
        response.raise_for_status()
        return response.json()


async def create_shipment(reservation: dict[str, Any]) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(f"{WAREHOUSE_URL}/shipments", json=reservation)
        response.raise_for_status()
        return response.json()


async def on_fulfilment_failed(
    context: AsyncWorkflowContext[dict],
    fail_status: int,
    fail_response: str,
    fail_headers: dict[str, str],
) -> None:
    # Runs once after retries are exhausted: I/O and clocks are fine here.
    async with httpx.AsyncClient(timeout=5) as client:
        await client.post(
            OPS_WEBHOOK,
            json={
                "order": context.request_payload.get("id"),
                "status": fail_status,
                "at": datetime.now(timezone.utc).isoformat(),
            },
        )
    await cache.delete(f"fulfilling:{context.request_payload.get('id')}")


@serve.post("/workflows/fulfil", failure_function=on_fulfilment_failed)
async def fulfil_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload
    order_id = order["id"]

    already_done = await cache.get(f"fulfilled:{order_id}")  # expect: UWF103
    if already_done:
        logger.info("order %s already fulfilled, skipping", order_id)
        return  # expect: UWF104

    shipped_skus: list[str] = []

    async def _reserve() -> dict[str, Any]:
        return await reserve_stock(order)

    reservation = await context.run("reserve-stock", _reserve)
    if not reservation["lines"]:
        logger.warning("nothing to ship for %s", order_id)
        return

    async def _ship() -> dict[str, Any]:
        shipment = await create_shipment(reservation)
        for line in reservation["lines"]:
            shipped_skus.append(line["sku"])  # expect: UWF201
        return shipment

    shipment = await context.run("create-shipment", _ship)

    await context.sleep("wait-for-carrier-pickup", "2h")

    async def _mark_done() -> None:
        await cache.set(f"fulfilled:{order_id}", shipment["tracking_number"])
        logger.info("shipped %s for order %s", shipped_skus, order_id)

    await context.run("mark-fulfilled", _mark_done)
