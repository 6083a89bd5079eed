"""A step nested in a step on the sync (Flask) SDK, which has no guard against it.

UWF202 at the nested call. The replay: the nested step runs and is submitted as the first step
of the run, the outer step never is, and the next call fails with "Incompatible step name".
"""

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from tests.replay.world import reserve_stock, save_record, send_email

app = Flask(__name__)
serve = Serve(app)


@serve.route("/api/invoices")
def invoice(context: WorkflowContext[dict]) -> None:
    order = context.request_payload

    def _bill() -> dict:
        context.run("reserve", lambda: reserve_stock(order["sku"]))  # expect: UWF202
        return save_record("invoice", order["id"])

    context.run("bill", _bill)
    context.run("notify", lambda: send_email(order["email"], "invoiced"))
