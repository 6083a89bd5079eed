"""The work wrapped in a lambda, so that the SDK runs it as the step.

Clean. The replay: the card is charged once.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card, send_email

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload

    await context.run("charge", lambda: charge_card(order["id"], order["amount"]))
    await context.run("confirm", lambda: send_email(order["email"], "confirmed"))
