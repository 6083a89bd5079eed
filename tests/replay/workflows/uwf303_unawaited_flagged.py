"""A step call without `await` on the async context.

UWF303 at the call. The replay: the coroutine is created and dropped ("coroutine ... was never
awaited"): the receipt is never sent, and the run finishes without an error.
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
    context.run("send-receipt", lambda: send_email(order["email"], "receipt"))  # expect: UWF303
    await context.run("ship", lambda: ship_order(order["id"]))
