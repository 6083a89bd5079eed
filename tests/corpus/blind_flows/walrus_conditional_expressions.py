# shapes: FastAPI with `Serve as WorkflowServe`; walrus assignments: on a step result inside an if test with an early return (fine), on a payload value (fine), on an awaited upstash_redis get whose value, joined with a constant fallback, names a later step (103, then 106); `or` falling back to uuid4 for a step name (102, 106); an awaited conditional expression of two sleeps whose test is random (102, 105); a conditional expression with a random test whose branches hold no step call (102 alone); fine: an awaited conditional expression of two steps on a step result, a conditional expression choosing a step's argument
import logging
import os
import random
import uuid

import httpx
from fastapi import FastAPI
from upstash_redis.asyncio import Redis
from upstash_workflow.fastapi import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve as WorkflowServe

log = logging.getLogger("provisioning")

app = FastAPI(title="provisioning")
workflows = WorkflowServe(app)

PROVISION_API = os.environ.get("PROVISION_API", "https://provision.internal")
DEFAULT_REGION = "eu-west-1"
regions = Redis.from_env()


async def provision(path: str, body: dict) -> dict:
    async with httpx.AsyncClient(timeout=60) as client:
        resp = await client.post(f"{PROVISION_API}{path}", json=body)
        resp.raise_for_status()
        return resp.json()


@workflows.post("/tenants/provision")
async def provision_tenant(context: AsyncWorkflowContext[dict]) -> None:
    tenant = context.request_payload["tenant"]
    if (quota := await context.run("load-quota", lambda: provision("/quotas", {"tenant": tenant})))["remaining"] <= 0:
        await context.run("notify-quota", lambda: provision("/notices/quota", {"tenant": tenant}))
        return
    log.info("tenant %s has %s slots left", tenant, quota["remaining"])
    if (region := await regions.get(f"tenant-region:{tenant}")) is None:  # expect: UWF103
        region = DEFAULT_REGION
    await context.run(f"provision-{region}", lambda: provision("/clusters", {"tenant": tenant, "region": region}))  # expect: UWF106
    if (plan := context.request_payload.get("plan")) is not None:
        await context.run("apply-plan", lambda: provision("/plans", {"tenant": tenant, "plan": plan}))


@workflows.post("/orders/reserve")
async def reserve_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload["order"]
    ref = context.request_payload.get("idempotency_key") or uuid.uuid4().hex  # expect: UWF102
    stock = await context.run("check-stock", lambda: provision("/stock/check", {"order": order}))
    await (context.run("expedite", lambda: provision("/orders/expedite", {"order": order})) if stock["priority"] else context.run("standard", lambda: provision("/orders/standard", {"order": order})))
    await context.run(f"reserve-{ref}", lambda: provision("/orders/reserve", {"order": order, "ref": ref}))  # expect: UWF106


@workflows.post("/orders/retry-capture")
async def retry_capture(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload["order"]
    first = await context.run("capture", lambda: provision("/payments/capture", {"order": order}))
    if first["captured"]:
        return
    await (context.sleep("short-pause", 30) if random.random() < 0.5 else context.sleep("long-pause", 300))  # expect: UWF102, UWF105
    channel = "sms" if first.get("phone") else "email"
    await context.run("capture-again", lambda: provision("/payments/capture", {"order": order, "notify": channel}))


@workflows.post("/customers/welcome")
async def welcome(context: AsyncWorkflowContext[dict]) -> None:
    customer = context.request_payload["customer"]
    greeting = "Hi" if random.random() < 0.5 else "Hello"  # expect: UWF102
    profile = await context.run("load-customer", lambda: provision("/customers/get", {"customer": customer}))
    await context.run("send-welcome", lambda: provision("/mail/welcome", {"to": profile["email"], "greeting": greeting}))
