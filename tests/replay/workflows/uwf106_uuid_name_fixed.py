"""The id generated in a step, so that the step name built from it is the same on every call.

Clean. The replay: one id, one reservation, one e-mail.
"""

import uuid

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from tests.replay.world import reserve_stock, send_email

app = Flask(__name__)
serve = Serve(app)


@serve.route("/api/reservations")
def reserve(context: WorkflowContext[dict]) -> None:
    order = context.request_payload
    request_id = context.run("new-request-id", lambda: uuid.uuid4().hex[:8])

    context.run(f"reserve-{request_id}", lambda: reserve_stock(order["sku"]))
    context.run("notify", lambda: send_email(order["email"], "reserved"))
