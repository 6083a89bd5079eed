"""The pause between the e-mails as a durable `context.sleep` step.

Clean. The replay: QStash is asked for a 5s delay once; the endpoint never blocks.
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
    await context.sleep("pause", 5)
    await context.run("tips", lambda: send_email(user["email"], "tips"))
    await context.run("survey", lambda: send_email(user["email"], "survey"))
