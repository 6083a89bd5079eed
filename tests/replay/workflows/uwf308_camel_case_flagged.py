"""The TypeScript SDK's `sleepUntil` on the Python context.

UWF308 at the attribute. The replay: "AttributeError: '_DisabledWorkflowContext' object has no
attribute 'sleepUntil'" in the dry run of the first request.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import send_email

app = FastAPI()
serve = Serve(app)


@serve.post("/api/launches")
async def launch(context: AsyncWorkflowContext[dict]) -> None:
    event = context.request_payload

    await context.sleepUntil("wait-for-launch", event["starts_at"])  # expect: UWF308
    await context.run("announce", lambda: send_email(event["audience"], "we are live"))
