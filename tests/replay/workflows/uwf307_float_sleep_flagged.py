"""A sleep of 1.5 seconds.

UWF307 at the duration. The replay: the SDK sends `Upstash-Delay: 1.5` (no unit); QStash
rejects the message and the call fails with a QStashError.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import send_email

app = FastAPI()
serve = Serve(app)


@serve.post("/api/onboarding")
async def onboarding(context: AsyncWorkflowContext[dict]) -> None:
    user = context.request_payload

    await context.run("welcome", lambda: send_email(user["email"], "welcome"))
    await context.sleep("pause", 1.5)  # expect: UWF307
    await context.run("tips", lambda: send_email(user["email"], "tips"))
