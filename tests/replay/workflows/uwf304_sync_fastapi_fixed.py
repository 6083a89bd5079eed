"""The FastAPI route function as an `async def` that awaits its step.

Clean. The replay: the module imports and the stock is reserved once.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import reserve_stock

app = FastAPI()
serve = Serve(app)


@serve.post("/api/reservations")
async def reserve(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload
    await context.run("reserve", lambda: reserve_stock(order["sku"]))
