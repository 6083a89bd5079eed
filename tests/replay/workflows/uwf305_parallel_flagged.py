"""A `try/except Exception` around a step, then another step.

UWF305 at the handler. The replay: the WorkflowAbort that ends the call after the charge is
caught (and logged as a failure), the route goes on to the next step in the same call, and the
SDK answers with "Running parallel steps is not yet available".
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
    await context.run("ship", lambda: ship_order(order["id"]))
