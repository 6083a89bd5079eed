"""A `try/except Exception` around a step on the sync (Flask) SDK.

UWF305 at the handler. The replay: the WorkflowAbort after the reservation is caught, the next
step runs in the same call and is submitted too; QStash then delivers both, the next call runs
it once more, and the customer gets the e-mail twice.
"""

import logging

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from tests.replay.world import reserve_stock, send_email

logger = logging.getLogger(__name__)
app = Flask(__name__)
serve = Serve(app)


@serve.route("/api/reservations")
def reserve(context: WorkflowContext[dict]) -> None:
    order = context.request_payload

    try:
        context.run("reserve", lambda: reserve_stock(order["sku"]))
    except Exception:  # expect: UWF305
        logger.exception("reserving %s failed", order["sku"])
    context.run("notify", lambda: send_email(order["email"], "reserved"))
