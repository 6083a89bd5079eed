"""Caveats page, "Avoid Non-deterministic Code Outside context.run", Time-dependent code.

UWF101 at `time.time()` and UWF105 at the `if` test. Runnable version: the page's steps are
`lambda: ...`, which returns Ellipsis and json.dumps rejects; here they do some work. The
replay: the clock picks step-1 on the call that runs it and step-2 on the next call, which
fails with "Incompatible step name".
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

    # 👇 Problem: time-dependent code
    if time.time() % 5 == 2:  # expect: UWF101, UWF105
        await context.run("step-1", lambda: some_work("step-1"))
    else:
        await context.run("step-2", lambda: some_work("step-2"))
