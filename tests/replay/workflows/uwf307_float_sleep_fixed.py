"""The sleep as a whole number of seconds.

Clean. The replay: the SDK sends `Upstash-Delay: 2s` and the run goes on.
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
    await context.sleep("pause", 2)
    await context.run("tips", lambda: send_email(user["email"], "tips"))
