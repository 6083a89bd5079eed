"""A wait for a warehouse written as `time.sleep` in a sync (Flask) route function.

UWF107 at `time.sleep`. The replay: the wait runs again on every call after the export.
"""

import time

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
    time.sleep(2)  # expect: UWF107
    context.run("notify", lambda: send_email(report["owner"], "exported"))
