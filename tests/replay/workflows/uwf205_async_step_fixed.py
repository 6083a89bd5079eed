"""The step of the sync (Flask) context as a plain `def`.

Clean. The replay: the stock is reserved once and the customer notified.
"""

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from tests.replay.world import reserve_stock, send_email

app = Flask(__name__)
serve = Serve(app)


@serve.route("/api/reservations")
def reserve(context: WorkflowContext[dict]) -> None:
    order = context.request_payload

    def _reserve() -> dict:
        return reserve_stock(order["sku"])

    context.run("reserve", _reserve)
    context.run("notify", lambda: send_email(order["email"], "reserved"))
