"""A step named after an id generated outside a step (Flask, sync).

UWF102 at `uuid.uuid4()`, UWF106 at the step name. The replay: the next call generates another
id, and the recorded step no longer matches: "Incompatible step name".
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
    request_id = uuid.uuid4().hex[:8]  # expect: UWF102

    context.run(f"reserve-{request_id}", lambda: reserve_stock(order["sku"]))  # expect: UWF106
    context.run("notify", lambda: send_email(order["email"], "reserved"))
