"""The Flask route function as a plain `def`.

Clean. The replay: the module imports and the stock is reserved once.
"""

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from tests.replay.world import reserve_stock

app = Flask(__name__)
serve = Serve(app)


@serve.route("/api/reservations")
def reserve(context: WorkflowContext[dict]) -> None:
    order = context.request_payload
    context.run("reserve", lambda: reserve_stock(order["sku"]))
