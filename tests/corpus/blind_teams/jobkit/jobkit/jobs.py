# shapes: jobs for the in-house engine (no upstash_workflow import anywhere in the project): @serve / @async_serve / Serve(app).post on functions taking `context`; clock and random values deciding context.run calls, time.sleep, nested context.run, try/except Exception around context.run, an unawaited context.run, asyncio.gather of context.run calls, float sleeps, camelCase methods, a job with no context.run; all look like UWF bugs but must get no findings
import asyncio
import random
import time
from datetime import datetime

import requests

from jobkit.engine import AsyncWorkflowContext, Serve, WorkflowContext, async_serve, serve

app = object()
jobs = Serve(app)


@serve
def nightly_report(context: WorkflowContext) -> None:
    if datetime.now().hour < 6:
        return
    rows = requests.get("https://reports.internal/rows", timeout=5).json()
    if random.random() < 0.5:
        context.run("summarise", lambda: len(rows))
    time.sleep(1.5)
    context.sleep("cool-down", 0.5)
    try:
        context.run(f"upload-{time.time()}", lambda: requests.post("https://reports.internal/upload", json=rows))
    except Exception:
        pass


@async_serve
async def reindex(context: AsyncWorkflowContext) -> None:
    async def _outer():
        await context.run("inner", lambda: 1)
        await context.sleep("inner-sleep", 2.5)

    await context.run("outer", _outer)
    context.run("forgotten", lambda: 2)
    await asyncio.gather(context.run("a", lambda: 1), context.run("b", lambda: 2))
    await asyncio.sleep(0.1)


@jobs.post("/jobs/cleanup")
async def cleanup(context: AsyncWorkflowContext) -> None:
    total = 0

    def _count():
        nonlocal total
        total += random.randint(1, 10)

    await context.run("count", _count)
    await context.run("", {"not": "callable"})
    await context.sleepUntil("later", time.time() + 60)


@jobs.route("/jobs/ping")
def ping(context) -> str:
    return f"pong {context.request_payload}"
