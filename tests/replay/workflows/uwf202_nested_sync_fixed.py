"""The nested sync example with the steps one after another.

Clean. The replay: reserve, bill and notify run once each, in order.
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

    context.run("reserve", lambda: reserve_stock(order["sku"]))
    context.run("bill", lambda: save_record("invoice", order["id"]))
    context.run("notify", lambda: send_email(order["email"], "invoiced"))
