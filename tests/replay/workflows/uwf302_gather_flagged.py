"""Two steps gathered, the Python analog of `Promise.all`.

UWF302 at `asyncio.gather`. The replay: while the card is being charged, the second step
starts, and the SDK answers with "Running parallel steps is not yet available".
"""

import asyncio

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card, reserve_stock, send_email

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload

    await asyncio.gather(  # expect: UWF302
        context.run("charge", lambda: charge_card(order["id"], order["amount"])),
        context.run("reserve", lambda: reserve_stock(order["sku"])),
    )
    await context.run("confirm", lambda: send_email(order["email"], "confirmed"))
