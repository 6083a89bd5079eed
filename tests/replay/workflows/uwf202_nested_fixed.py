"""The nested example of the caveats page with the context methods one after another.

Clean. The replay: the sleep, the step and the call each run once, the call answered by the
stand-in's canned response.
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

    await context.sleep("pause", 10)
    await context.run("work", lambda: some_work(input))
    await context.call("notify", url="https://hooks.example.com/done")
