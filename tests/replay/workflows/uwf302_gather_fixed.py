"""The gathered steps awaited one after another.

Clean. The replay: charge, reserve and confirm run once each, in order.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card, reserve_stock, send_email

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload

    await context.run("charge", lambda: charge_card(order["id"], order["amount"]))
    await context.run("reserve", lambda: reserve_stock(order["sku"]))
    await context.run("confirm", lambda: send_email(order["email"], "confirmed"))
