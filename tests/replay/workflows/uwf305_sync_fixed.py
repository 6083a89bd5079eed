"""The sync handler with `except WorkflowAbort: raise` before it (Flask).

Clean. The replay: one reservation, one e-mail.
"""

import logging

from flask import Flask
from upstash_workflow import WorkflowAbort, WorkflowContext
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
    except WorkflowAbort:
        raise
    except Exception:
        logger.exception("reserving %s failed", order["sku"])
    context.run("notify", lambda: send_email(order["email"], "reserved"))
