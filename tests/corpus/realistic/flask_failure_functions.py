# Shapes: failure functions passed by name, through functools.partial, as a lambda calling a function, through a variable, and a function recognised by its fail_status/fail_response/fail_headers parameters: all read clocks and do I/O and are not workflow code; one route has a real time.sleep.
from __future__ import annotations

import time
from datetime import datetime, timezone
from functools import partial

import redis
import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)

SLACK_WEBHOOK = "https://hooks.slack.com/services/T000/B000/XXXX"
failures = redis.Redis(host="redis.internal", port=6379)


def _alert(channel: str, context, fail_status, fail_response, fail_headers) -> None:
    requests.post(
        SLACK_WEBHOOK,
        json={
            "channel": channel,
            "text": f"run {context.workflow_run_id} failed with {fail_status} at {datetime.now(timezone.utc)}",
        },
        timeout=5,
    )


def record_failure(ctx, status, response, headers) -> None:
    failures.lpush("workflow-failures", f"{ctx.workflow_run_id}:{status}:{time.time()}")
    if failures.llen("workflow-failures") > 1000:
        failures.ltrim("workflow-failures", 0, 999)


def _payout_failed(context, fail_status, fail_response, fail_headers) -> None:
    requests.post(SLACK_WEBHOOK, json={"text": f"payout failed: {fail_response}"}, timeout=5)


def handle_failed_export(
    context: WorkflowContext[dict], fail_status, fail_response, fail_headers
) -> None:
    started = time.time()
    requests.post(SLACK_WEBHOOK, json={"text": "export failed"}, timeout=5)
    failures.set("last-export-failure", started)


def issue_refund(payload: dict) -> dict:
    return {"refunded": payload["id"]}


@serve.route("/refunds", failure_function=partial(_alert, "#payments"))
def refunds(context: WorkflowContext[dict]) -> None:
    payload = context.request_payload
    context.run("refund", lambda: issue_refund(payload))
    context.sleep("settle", 300)


@serve.route(
    "/chargebacks",
    failure_function=lambda ctx, status, resp, headers: record_failure(ctx, status, resp, headers),
)
def chargebacks(context: WorkflowContext[dict]) -> None:
    payload = context.request_payload
    context.run("open-dispute", lambda: {"dispute": payload["id"]})


on_payout_failure = _payout_failed


@serve.route("/payouts", failure_function=on_payout_failure)
def payouts(context: WorkflowContext[dict]) -> None:
    payload = context.request_payload
    context.run("payout", lambda: {"payout": payload["id"]})
    time.sleep(1)  # expect: UWF107
    context.run("confirm", lambda: {"confirmed": payload["id"]})
