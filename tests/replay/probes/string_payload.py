"""Prints the type of the payload on every run of the route function.

A JSON string payload that looks like a number (`"42"`) is a str on the request that starts the
run and an int on every later call: the SDK sends the parsed string on unquoted.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import save_record

app = FastAPI()
serve = Serve(app)


@serve.post("/api/payload")
async def payload(context: AsyncWorkflowContext[str]) -> None:
    print(type(context.request_payload).__name__)
    await context.run("save", lambda: save_record("payload", context.request_payload))
