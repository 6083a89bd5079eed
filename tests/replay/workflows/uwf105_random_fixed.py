"""The random example of the caveats page with the draw inside a step.

Clean. The replay: the number is drawn once, recorded, and every later call takes the same
branch.
"""

# ruff: noqa: F841

import random

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import some_work

app = FastAPI()
serve = Serve(app)


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    input = context.request_payload

    number = await context.run("draw", lambda: random.randint(0, 9))
    if number % 5 == 2:
        await context.run("step-1", lambda: some_work("step-1"))
    else:
        await context.run("step-2", lambda: some_work("step-2"))
