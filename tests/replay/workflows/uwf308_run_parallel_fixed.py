"""The steps run one after another with the real `run`.

Clean. The replay: charge and reservation run once each.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card, reserve_stock

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload

    await context.run("charge", lambda: charge_card(order["id"], order["amount"]))
    await context.run("reserve", lambda: reserve_stock(order["sku"]))
