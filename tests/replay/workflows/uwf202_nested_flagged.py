"""Caveats page, "Don't Nest Context Methods" (main.py).

UWF202 at each nested step call. Runnable version: the page's `context.sleep(...)`,
`context.run(...)` and `context.call(...)` get names and arguments. The replay: when step-1
runs, its first nested call is a second step while step-1 is under way, and the async SDK
answers with "Running parallel steps is not yet available".
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import some_work

app = FastAPI()
serve = Serve(app)


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    input = context.request_payload

    async def _step_1() -> None:
        await context.sleep("pause", 10)  # expect: UWF202
        await context.run("work", lambda: some_work(input))  # expect: UWF202
        await context.call("notify", url="https://hooks.example.com/done")  # expect: UWF202

    await context.run("step-1", _step_1)
