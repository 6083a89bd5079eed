# shapes: no SDK. DBOS workflows and steps (@DBOS.workflow, @DBOS.step, DBOS.sleep, DBOS.start_workflow) behind FastAPI routes; a local AsyncWorkflowContext Protocol and a home-grown bare @async_serve decorator over functions whose context.run/sleep calls are decided by the clock, random, uuid4 and redis: while loops, for/else, match, walrus, break/continue, a conditional expression of two steps, early returns before the first step, names from uuid4, a nested step and a float sleep
from __future__ import annotations

import logging
import os
import random
import time
import uuid
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable, Protocol

import redis
import requests
from dbos import DBOS
from fastapi import FastAPI

log = logging.getLogger("checkout")

app = FastAPI()
DBOS(fastapi=app)

PAYMENTS_API = os.environ.get("PAYMENTS_API", "https://payments.internal")
cache = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), decode_responses=True)
HANDLERS: dict[str, Callable[..., Awaitable[None]]] = {}


class AsyncWorkflowContext(Protocol):
    request_payload: dict

    async def run(self, name: str, fn: Callable[[], Any]) -> Any: ...

    async def sleep(self, name: str, seconds: float) -> None: ...


def async_serve(fn: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    HANDLERS[fn.__name__] = fn
    return fn


@DBOS.step()
def reserve_stock(order_id: str) -> dict:
    return requests.post(f"{PAYMENTS_API}/stock/reserve", json={"order": order_id}, timeout=10).json()


@DBOS.step()
def charge_card(order_id: str, attempt: int) -> dict:
    return requests.post(f"{PAYMENTS_API}/charges", json={"order": order_id, "attempt": attempt}, timeout=10).json()


@DBOS.workflow()
def checkout_workflow(order_id: str) -> str:
    if cache.get(f"checkout:{order_id}") == "done":
        return "duplicate"
    reserve_stock(order_id)
    attempt = 0
    while attempt < 3 and random.random() < 0.95:
        result = charge_card(order_id, attempt)
        if result.get("ok"):
            break
        DBOS.sleep(1.5 * (attempt + 1))
        attempt += 1
    else:
        return "failed"
    match datetime.now(timezone.utc).weekday():
        case 5 | 6:
            DBOS.sleep(3600)
        case _:
            pass
    return f"charged-{uuid.uuid4().hex[:6]}"


@app.post("/checkout/{order_id}")
def start_checkout(order_id: str) -> dict:
    handle = DBOS.start_workflow(checkout_workflow, order_id)
    return {"workflow_id": handle.get_workflow_id()}


@async_serve
async def loyalty_points(context: AsyncWorkflowContext) -> None:
    member = context.request_payload["member"]
    if (tier := cache.get(f"tier:{member}")) is None:
        return
    for bonus in random.sample(range(10), k=3):
        await context.run(f"bonus-{bonus}-{uuid.uuid4().hex[:4]}", lambda bonus=bonus: {"bonus": bonus, "tier": tier})
        if time.time() % 7 < 1:
            break
    else:
        await context.run("no-break", lambda: None)

    async def _award() -> dict:
        await context.sleep("cool-off", 0.5)
        return await context.run("award", lambda: {"member": member})

    await (context.run("award-now", _award) if random.random() < 0.5 else context.sleep("award-later", 2.5))
    while datetime.now().second % 2:
        await context.run("spin", lambda: None)
        continue
