"""An `async def` route function registered with Flask's sync adapter.

UWF304 at the function name. The replay: importing the module fails, the adapter raises
"ValueError: route_function must be a sync function when using the @serve.route decorator".
"""

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from tests.replay.world import reserve_stock

app = Flask(__name__)
serve = Serve(app)


@serve.route("/api/reservations")
async def reserve(context: WorkflowContext[dict]) -> None:  # expect: UWF304
    order = context.request_payload
    context.run("reserve", lambda: reserve_stock(order["sku"]))
