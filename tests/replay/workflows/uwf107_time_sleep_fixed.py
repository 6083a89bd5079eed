"""The wait for the warehouse as a durable `context.sleep` step (Flask, sync).

Clean. The replay: one 2s delay asked of QStash; the endpoint never blocks.
"""

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from tests.replay.world import save_record, send_email

app = Flask(__name__)
serve = Serve(app)


@serve.route("/api/exports")
def export(context: WorkflowContext[dict]) -> None:
    report = context.request_payload

    context.run("export", lambda: save_record("export", report["id"]))
    context.sleep("wait-for-pickup", 2)
    context.run("notify", lambda: send_email(report["owner"], "exported"))
