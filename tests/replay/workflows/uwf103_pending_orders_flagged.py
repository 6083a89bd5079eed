"""A list read from the database outside a step decides which steps run.

UWF103 at the read, UWF105 at the loop over its result. The replay: shipping an order removes
it from the pending list, so on the next call the list has shifted, the recorded result of
step 1 is taken for another order, and order-2 is never shipped; the run finishes without an
error.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import list_pending_orders, ship_order

app = FastAPI()
serve = Serve(app)


@serve.post("/api/shipping")
async def ship_pending(context: AsyncWorkflowContext[dict]) -> None:
    orders = await list_pending_orders()  # expect: UWF103
    for order in orders:  # expect: UWF105
        await context.run("ship-order", lambda order=order: ship_order(order))
