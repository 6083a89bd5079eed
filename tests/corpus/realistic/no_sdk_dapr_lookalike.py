# Shapes (no upstash_workflow import, no findings expected): a Dapr workflow whose context has look-alike names (call_activity, create_timer, current_utc_datetime) and an AsyncWorkflowContext from durabletask, with clocks, randomness and I/O around them.
from __future__ import annotations

import random
from datetime import datetime, timedelta

import dapr.ext.workflow as wf
import httpx
from durabletask.aio import AsyncWorkflowContext

runtime = wf.WorkflowRuntime()


@runtime.activity(name="charge_card")
def charge_card(ctx: wf.WorkflowActivityContext, order: dict) -> dict:
    response = httpx.post("https://payments.internal/charge", json=order, timeout=5)
    return response.json()


@runtime.activity(name="reserve_stock")
def reserve_stock(ctx: wf.WorkflowActivityContext, order: dict) -> dict:
    response = httpx.post("https://warehouse.internal/reserve", json=order, timeout=5)
    response.raise_for_status()
    return {"reserved": order["id"], "at": datetime.now().isoformat()}


@runtime.workflow(name="order_workflow")
def order_workflow(ctx: wf.DaprWorkflowContext, order: dict):
    if random.random() < 0.5:
        yield ctx.create_timer(datetime.now() + timedelta(seconds=5))
    yield ctx.call_activity(reserve_stock, input=order)
    receipt = yield ctx.call_activity(charge_card, input=order)
    if not ctx.is_replaying:
        print("charged", receipt, ctx.current_utc_datetime)
    return receipt


async def durable_orchestrator(context: AsyncWorkflowContext, payload: dict) -> dict:
    started = datetime.now()
    async with httpx.AsyncClient() as client:
        status = await client.get("https://status.internal/health")
    try:
        result = await context.call_activity("enrich", input=payload)
    except Exception:
        result = None
    await context.run("finish", lambda: {"ok": True})
    return {"started": started.isoformat(), "status": status.status_code, "result": result}
