"""The work itself passed to `context.run` instead of a function that does it.

UWF203 at the argument. The replay: the card is charged while the argument is evaluated, on
every call (the dry runs included), and then the SDK calls the result as the step function:
"TypeError: 'dict' object is not callable".
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

    await context.run("charge", await charge_card(order["id"], order["amount"]))  # expect: UWF203
    await context.run("confirm", lambda: send_email(order["email"], "confirmed"))
