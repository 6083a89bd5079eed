"""An `async def` step on the sync (Flask) context.

UWF205 at the step function. The replay: the sync SDK calls it and gets a coroutine, which is
never awaited (the stock is never reserved) and which json.dumps rejects: "TypeError: Object of
type coroutine is not JSON serializable".
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

    async def _reserve() -> dict:
        return reserve_stock(order["sku"])

    context.run("reserve", _reserve)  # expect: UWF205
    context.run("notify", lambda: send_email(order["email"], "reserved"))
