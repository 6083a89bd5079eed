"""Every step call awaited.

Clean. The replay: charge, receipt and shipping run once each.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card, send_email, ship_order

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload

    await context.run("charge", lambda: charge_card(order["id"], order["amount"]))
    await context.run("send-receipt", lambda: send_email(order["email"], "receipt"))
    await context.run("ship", lambda: ship_order(order["id"]))
