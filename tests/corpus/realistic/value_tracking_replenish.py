# Shapes: value tracking of non-deterministic values: an item store into a dict, setattr on a namespace, a try/except join, a polling while loop on an awaited call, match on an awaited call, nested decisions each reported, a loop over an awaited listing (no UWF106 inside it), an f-string step name, a value cleared by a constant.
from __future__ import annotations

import logging
import random
import uuid
from datetime import datetime, timedelta, timezone
from functools import partial
from types import SimpleNamespace

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI()
serve = Serve(app)

THRESHOLD = 25
inventory = httpx.AsyncClient(base_url="https://inventory.internal")


async def count_on_hand(sku: str) -> int:
    response = await inventory.get(f"/stock/{sku}")
    return response.json()["on_hand"]


async def pick_supplier(sku: str) -> str:
    response = await inventory.get(f"/suppliers/best/{sku}")
    return response.json()["name"]


async def pending_shipments(sku: str) -> list:
    response = await inventory.get(f"/shipments/pending/{sku}")
    return response.json()


async def low_stock_skus() -> list:
    response = await inventory.get("/skus/low")
    return response.json()


async def classify_sku(sku: str) -> str:
    response = await inventory.get(f"/skus/{sku}/class")
    return response.json()["class"]


def reorder(sku: str, quantity: int = 100) -> dict:
    return {"sku": sku, "quantity": quantity}


@serve.post("/warehouse/replenish")
async def replenish(context: AsyncWorkflowContext[dict]) -> None:
    sku = context.request_payload["sku"]

    levels = {"sku": sku}
    levels["on_hand"] = await count_on_hand(sku)  # expect: UWF103
    if levels["on_hand"] < THRESHOLD:  # expect: UWF105
        await context.run("reorder", partial(reorder, sku))
        if datetime.now(timezone.utc).weekday() >= 5:  # expect: UWF101, UWF105
            await context.sleep("wait-for-weekday", "2d")

    meta = SimpleNamespace(sku=sku)
    setattr(meta, "deadline", datetime.now(timezone.utc) + timedelta(hours=4))  # expect: UWF101
    if meta.deadline.hour >= 18:  # expect: UWF105
        await context.sleep("wait-next-morning", "12h")

    try:
        supplier = await pick_supplier(sku)  # expect: UWF103
    except httpx.HTTPError:
        supplier = "default"
    await context.run(f"order-from-{supplier}", partial(reorder, sku))  # expect: UWF106

    while len(await pending_shipments(sku)) > 0:  # expect: UWF103, UWF105
        await context.sleep("wait-shipments", "10m")

    match await classify_sku(sku):  # expect: UWF103, UWF105
        case "perishable":
            await context.run("cold-chain", partial(reorder, sku, 10))
        case _:
            await context.run("standard", partial(reorder, sku, 50))


@serve.post("/warehouse/rebalance")
async def rebalance(context: AsyncWorkflowContext[dict]) -> None:
    skus = context.request_payload["skus"]

    for sku in await low_stock_skus():  # expect: UWF103, UWF105
        await context.run(f"rebalance-{sku}", partial(reorder, sku, 20))

    label = f"rebalance-{uuid.uuid4().hex[:8]}"  # expect: UWF102
    await context.run(label, lambda: {"skus": skus})  # expect: UWF106

    stock = await count_on_hand(skus[0])  # expect: UWF103
    logger.info("stock before rebalance: %s", stock)
    stock = await context.run("recount", partial(count_on_hand, skus[0]))
    if stock < THRESHOLD:
        await context.run("top-up", partial(reorder, skus[0], THRESHOLD - stock))

    jitter = random.randint(1, 30)  # expect: UWF102
    await context.sleep("jitter", jitter)
