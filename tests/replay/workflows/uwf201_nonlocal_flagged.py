"""Caveats page, "Return Results from context.run for Later Use", Incorrect - Python.

UWF201 at the assignment to the `nonlocal` name. The replay: step-1's result is set during the
call that runs step-1 and gone on the next call, so step-2 hands None to some_other_work and
the run finishes as if nothing were wrong.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import some_other_work, some_work

app = FastAPI()
serve = Serve(app)


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    input = context.request_payload

    result = None

    async def _step_1() -> dict:
        nonlocal result
        result = await some_work(input)  # expect: UWF201

    await context.run("step-1", _step_1)

    async def _step_2() -> None:
        await some_other_work(result)

    await context.run("step-2", _step_2)
