# shapes: no SDK. A Restate durable workflow with the same vocabulary: a `WorkflowContext` parameter, `ctx.run("name", fn)`, `ctx.sleep(...)` with a float timedelta, `asyncio.gather` of two runs, `asyncio.wait_for` around a run, an unawaited run, `try/except Exception` around a run, an empty and an int step name, a camelCase `ctx.runTyped` and a handler with no run. A local `serve` helper and a `Serve` class. Nothing imports upstash_workflow, so nothing is reported
import asyncio
import logging
import random
import time
from datetime import timedelta

import httpx
import restate
from restate import Workflow, WorkflowContext

log = logging.getLogger("orders")

order_flow = Workflow("order")

PAYMENTS_URL = "https://payments.example.com"


class Serve:
    """Mounts Restate services; named after the Upstash adapter our old code used."""

    def __init__(self, services: list) -> None:
        self.services = services

    def post(self, path: str):
        def register(fn):
            log.info("registering %s at %s", fn.__name__, path)
            return fn

        return register


def serve(route_function):
    return {"handler": route_function}


async def charge(order_id: str) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.post(f"{PAYMENTS_URL}/charges", json={"order": order_id})
        return {"ok": resp.status_code == 201}


async def reserve(order_id: str) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.post(f"{PAYMENTS_URL}/reserve", json={"order": order_id})
        return {"reserved": resp.status_code == 201}


@order_flow.main()
async def run(ctx: WorkflowContext, order: dict) -> dict:
    order_id = order["id"]
    if random.random() < 0.1:
        await ctx.run("audit-sample", lambda: {"order": order_id})

    paid, reserved = await asyncio.gather(ctx.run("charge", lambda: charge(order_id)), ctx.run("reserve", lambda: reserve(order_id)))

    try:
        await ctx.run("", lambda: {"order": order_id})
    except Exception:
        log.exception("bookkeeping failed")

    ctx.run(3, lambda: {"order": order_id})
    await asyncio.wait_for(ctx.run("notify", lambda: {"sent": True}), timeout=10)
    await ctx.sleep(timedelta(hours=1.5))
    await ctx.runTyped("finalise", lambda: {"order": order_id, "at": time.time()})
    return {"paid": paid, "reserved": reserved}


@order_flow.handler()
async def status(ctx: WorkflowContext) -> str:
    started = time.time()
    log.info("status asked at %s", started)
    return "running"


legacy = serve(run)
mount = Serve([order_flow]).post("/orders")(status)
app = restate.app(services=[order_flow])
