# Not workflow code (no upstash_workflow import): a Dapr workflow with its own context type and ctx.call_activity, randomness, clock reads and time.sleep in orchestrator and activities, an AsyncWorkflowContext-looking name from another library
import logging
import random
import time
from datetime import datetime, timedelta

import dapr.ext.workflow as wf
from dapr.ext.workflow import DaprWorkflowContext, WorkflowActivityContext

logger = logging.getLogger(__name__)
wfr = wf.WorkflowRuntime()


def reserve_inventory(ctx: WorkflowActivityContext, order: dict) -> dict:
    time.sleep(0.2)
    return {"reserved": True, "at": datetime.now().isoformat(), "token": random.getrandbits(32)}


def charge_card(ctx: WorkflowActivityContext, order: dict) -> dict:
    return {"charged": order["amount"], "at": time.time()}


def ship(ctx: WorkflowActivityContext, order: dict) -> dict:
    return {"shipped": True}


@wfr.workflow(name="order_processing")
def order_processing(ctx: DaprWorkflowContext, order: dict):
    if random.random() < 0.1:
        logger.info("sampling order %s", order["id"])

    reservation = yield ctx.call_activity(reserve_inventory, input=order)
    if not reservation["reserved"]:
        return {"status": "out-of-stock"}

    deadline = datetime.now() + timedelta(minutes=30)
    yield ctx.create_timer(deadline)

    charge = yield ctx.call_activity(charge_card, input=order)
    yield ctx.call_activity(ship, input=order)
    return {"status": "done", "charge": charge}


class AsyncWorkflowContext:
    """Local protocol of our own runner; unrelated to any SDK."""

    def run(self, name, fn):
        return fn()


def local_runner(context: AsyncWorkflowContext) -> None:
    started = time.time()
    context.run("step", lambda: random.random())
    logger.info("took %s", time.time() - started)


wfr.register_workflow(order_processing)
wfr.register_activity(reserve_inventory)
wfr.register_activity(charge_card)
wfr.register_activity(ship)
