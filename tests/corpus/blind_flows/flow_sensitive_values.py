# shapes: async_serve(fn) and async_serve(route_function=fn, retries=...) on Starlette; flow-sensitive clearing: a random pick overwritten by a step's result before it names a step (102 alone), a secrets choice overwritten by a constant before an if that makes steps (102 alone); conservative joins: a try/except KeyError whose fallback reads random (102, 105), an if/else on a payload flag with one random branch (102, 105); an object: setattr of uuid4 on a dataclass then a step name from the attribute (102, 106)
import logging
import os
import random
import secrets
import uuid
from dataclasses import dataclass

import httpx
from starlette.applications import Starlette
from starlette.routing import Route
from upstash_workflow import AsyncWorkflowContext, async_serve

log = logging.getLogger("rollouts")

DEPLOY_API = os.environ.get("DEPLOY_API", "https://deploy.internal")
REGIONS = ["eu-west-1", "eu-central-1", "us-east-1"]


@dataclass
class Job:
    name: str
    token: str = ""


async def deploy(path: str, body: dict) -> dict:
    async with httpx.AsyncClient(timeout=120) as client:
        resp = await client.post(f"{DEPLOY_API}{path}", json=body)
        resp.raise_for_status()
        return resp.json()


async def rollout(context: AsyncWorkflowContext[dict]) -> None:
    release = context.request_payload["release"]
    region = random.choice(REGIONS)  # expect: UWF102
    log.info("tentative first region for %s: %s", release, region)
    region = await context.run("pick-region", lambda: random.choice(REGIONS))
    await context.run(f"deploy-{release}-{region}", lambda: deploy("/deploy", {"release": release, "region": region}))
    strategy = secrets.choice(["canary", "blue-green"])  # expect: UWF102
    strategy = "canary"  # blue-green is disabled until INC-4411 is closed
    if strategy == "canary":
        await context.run("canary-check", lambda: deploy("/canary/check", {"release": release}))
    else:
        await context.run("blue-green-swap", lambda: deploy("/blue-green/swap", {"release": release}))


async def quota_sync(context: AsyncWorkflowContext[dict]) -> None:
    tenant = context.request_payload["tenant"]
    usage = await context.run("load-usage", lambda: deploy("/usage", {"tenant": tenant}))
    try:
        quota = int(context.env["EXPORT_QUOTA"])
    except KeyError:
        quota = random.randint(500, 1000)  # expect: UWF102
    if usage["exports"] > quota:  # expect: UWF105
        await context.run("throttle-tenant", lambda: deploy("/throttle", {"tenant": tenant}))
    await context.run("record-usage", lambda: deploy("/usage/record", {"tenant": tenant}))


async def warmup(context: AsyncWorkflowContext[dict]) -> None:
    service = context.request_payload["service"]
    if context.request_payload.get("canary"):
        weight = random.random()  # expect: UWF102
    else:
        weight = 1.0
    await context.run("prepare", lambda: deploy("/warmup/prepare", {"service": service}))
    if weight > 0.5:  # expect: UWF105
        await context.run("full-warmup", lambda: deploy("/warmup/full", {"service": service}))
    await context.run("mark-warm", lambda: deploy("/warmup/done", {"service": service}))


async def batch_job(context: AsyncWorkflowContext[dict]) -> None:
    job = Job(name=context.request_payload["job"])
    setattr(job, "token", uuid.uuid4().hex)  # expect: UWF102
    await context.run("start-job", lambda: deploy("/jobs/start", {"job": context.request_payload["job"]}))
    await context.run(f"run-{job.token[:8]}", lambda: deploy("/jobs/run", {"token": job.token}))  # expect: UWF106


app = Starlette(
    routes=[
        Route("/rollouts", async_serve(rollout)["handler"], methods=["POST"]),
        Route("/quotas/sync", async_serve(route_function=quota_sync, retries=2)["handler"], methods=["POST"]),
        Route("/warmup", async_serve(warmup)["handler"], methods=["POST"]),
        Route("/jobs/batch", async_serve(route_function=batch_job)["handler"], methods=["POST"]),
    ]
)
