"""Caveats page, "Include At Least One Step in Workflow", Missing steps - Python.

UWF301 at the function name. The replay: the very first request is answered with HTTP 400
"Failed to authenticate Workflow request" and no run starts.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:  # expect: UWF301
    input = context.request_payload

    # 👇 Problem: No context.run call
    print("Processing input:", input)

    # This workflow will fail with "Failed to authenticate Workflow request."
