# Shapes: context methods the 2.0.0 SDK does not have (docs-only wait_for_event/notify, camelCase sleepUntil, invented run_parallel) on a sync Flask context, next to real ones; a route whose only "step" is an unknown method (also UWF301).
from __future__ import annotations

from functools import partial

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)


def submit_documents(applicant: dict) -> dict:
    return {"submitted": applicant["id"]}


def finalize(applicant: dict) -> dict:
    return {"approved": applicant["id"]}


def score(applicant: dict, bureau: str) -> dict:
    return {"bureau": bureau, "score": 700}


@serve.route("/kyc/verify")
def verify_applicant(context: WorkflowContext[dict]) -> None:
    applicant = context.request_payload
    context.run("submit-documents", partial(submit_documents, applicant))

    event_id = f"kyc-{applicant['id']}"
    context.wait_for_event("wait-approval", event_id, timeout="3d")  # expect: UWF308
    context.sleepUntil("reminder", applicant["deadline"])  # expect: UWF308
    context.notify("kyc-reviewed", event_id, {"ok": True})  # expect: UWF308

    context.sleep_until("deadline", applicant["deadline"])
    context.run("finalize", partial(finalize, applicant))


@serve.route("/kyc/score")
def score_applicant(context: WorkflowContext[dict]) -> None:  # expect: UWF301
    applicant = context.request_payload
    context.run_parallel(  # expect: UWF308
        [partial(score, applicant, "experian"), partial(score, applicant, "equifax")]
    )
