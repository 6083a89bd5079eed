"""Caveats page, "Execute business logic in context.run" (main.py), as it stands.

Clean for the default rules (the prints are UWF108's, which is opt-in). The replay shows the
page's point: the print between the steps runs on every call of the endpoint (twice per call,
because of the SDK's dry run), the prints inside step-2 run once.
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

    async def _step_1() -> dict:
        return {"success": True}

    result = await context.run("step-1", _step_1)

    print("This log will appear multiple times")

    async def _step_2() -> None:
        print("This log will appear just once")
        print("Step 1 status is:", result["success"])

    await context.run("step-2", _step_2)
