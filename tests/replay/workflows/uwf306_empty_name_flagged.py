"""A step with an empty name.

UWF306 at the name. The replay: the SDK rejects the step already in the dry run of the first
request: "A workflow step name cannot be undefined or an empty string."
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload
    await context.run("", lambda: charge_card(order["id"], order["amount"]))  # expect: UWF306
