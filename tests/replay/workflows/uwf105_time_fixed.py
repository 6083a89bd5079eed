"""The time-dependent example of the caveats page with the clock read inside a step.

Clean. The replay: the clock is read once, its value recorded, and every later call takes the
same branch.
"""

# ruff: noqa: F841

import time

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import some_work

app = FastAPI()
serve = Serve(app)


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    input = context.request_payload

    now = await context.run("read-clock", time.time)
    if now % 5 == 2:
        await context.run("step-1", lambda: some_work("step-1"))
    else:
        await context.run("step-2", lambda: some_work("step-2"))
