"""A `try/except Exception` around a later step, with a handler that returns.

UWF305 at the handler. The replay: the WorkflowAbort after the charge is caught, the route
returns, and the SDK takes the run for finished and deletes it: the order is never shipped.
"""

import logging

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card, reserve_stock, ship_order

logger = logging.getLogger(__name__)
app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload

    await context.run("reserve", lambda: reserve_stock(order["sku"]))
    try:
        await context.run("charge", lambda: charge_card(order["id"], order["amount"]))
    except Exception:  # expect: UWF305
        logger.exception("charging %s failed", order["id"])
        return
    await context.run("ship", lambda: ship_order(order["id"]))
