"""The pending orders read in a step, so that every call loops over the recorded list.

Clean. The replay: the list is read once and every order is shipped once.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import list_pending_orders, ship_order

app = FastAPI()
serve = Serve(app)


@serve.post("/api/shipping")
async def ship_pending(context: AsyncWorkflowContext[dict]) -> None:
    orders = await context.run("list-pending-orders", list_pending_orders)
    for order in orders:
        await context.run("ship-order", lambda order=order: ship_order(order))
