"""A pause between two e-mails written as `asyncio.sleep` in the route function.

UWF107 at `asyncio.sleep`. The replay: the sleep is not a step, so it runs again on every call
that gets past the first step, holding the endpoint each time.
"""

import asyncio

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
    await asyncio.sleep(5)  # expect: UWF107
    await context.run("tips", lambda: send_email(user["email"], "tips"))
    await context.run("survey", lambda: send_email(user["email"], "survey"))
