"""Caveats page, "Include At Least One Step in Workflow", Correct - Python, as it stands.

Clean. The replay: the dummy step runs once and the run finishes.
"""

# ruff: noqa: F841

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    input = context.request_payload

    # 👇 At least one step is required
    async def _dummy_step():
        return

    await context.run("dummy-step", _dummy_step)
