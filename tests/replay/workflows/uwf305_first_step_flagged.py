"""The same handler that returns, around the first step.

UWF305 at the handler. The replay: the SDK's dry run ends at the first step with a
WorkflowAbort too; the handler swallows that one, the dry run returns without reaching a step,
and the very first request is answered with HTTP 400 "Failed to authenticate Workflow request".
"""

import logging

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import charge_card, ship_order

logger = logging.getLogger(__name__)
app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload

    try:
        await context.run("charge", lambda: charge_card(order["id"], order["amount"]))
    except Exception:  # expect: UWF305
        logger.exception("charging %s failed", order["id"])
        return
    await context.run("ship", lambda: ship_order(order["id"]))
