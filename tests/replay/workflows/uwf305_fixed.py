"""The handler of the UWF305 examples with `except WorkflowAbort: raise` before it.

Clean. The replay: every WorkflowAbort reaches the SDK; reservation, charge and shipping run
once each.
"""

import logging

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext, WorkflowAbort
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
    except WorkflowAbort:
        raise
    except Exception:
        logger.exception("charging %s failed", order["id"])
        return
    await context.run("ship", lambda: ship_order(order["id"]))
