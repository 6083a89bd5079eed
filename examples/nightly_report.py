"""A nightly sales report on Flask: aggregate yesterday's orders, render, upload, notify.

Serve it with `flask --app examples.nightly_report run` (QSTASH_TOKEN and the QStash signing
keys in the environment); a QStash schedule starts a run every night by calling
`/workflows/nightly-report`.

The Flask adapter is synchronous: the route function and its steps are plain `def`s and
`context.run` returns the step's result directly. This file has replay mistakes in it;
a comment above each one says what goes wrong.
"""

from __future__ import annotations

import csv
import io
import os
import random
import sqlite3
from datetime import date, timedelta
from typing import Any, Dict, List

import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)

DATABASE = os.environ.get("REPORT_DB", "sales.sqlite3")
UPLOAD_URL = "https://files.example.com/reports"
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL", "https://hooks.slack.example.com/T000/B000")

# How many orders of the day are handed to a person for a manual check.
AUDIT_SAMPLE_SIZE = 5


def fetch_orders(day: str) -> List[Dict[str, Any]]:
    with sqlite3.connect(DATABASE) as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute(
            "SELECT id, region, total_cents FROM orders WHERE date(created_at) = ?", (day,)
        ).fetchall()
    return [dict(row) for row in rows]


def render_csv(totals: Dict[str, int]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["region", "total_cents"])
    for region, total in sorted(totals.items()):
        writer.writerow([region, total])
    return buffer.getvalue()


def upload(name: str, body: str) -> str:
    response = requests.put(f"{UPLOAD_URL}/{name}", data=body.encode(), timeout=30)
    response.raise_for_status()
    return response.json()["url"]


def post_to_slack(text: str) -> None:
    requests.post(SLACK_WEBHOOK, json={"text": text}, timeout=10).raise_for_status()


def flag_for_audit(order_id: int) -> None:
    requests.post(f"{UPLOAD_URL}/audit", json={"order_id": order_id}, timeout=10).raise_for_status()


@serve.route("/workflows/nightly-report")
def nightly_report(context: WorkflowContext[Dict[str, Any]]) -> None:
    # "Yesterday" is computed outside a step: a run that is still replaying after midnight
    # gets another date, so the step names below no longer match the recorded ones.
    report_day = (date.today() - timedelta(days=1)).isoformat()

    orders = context.run(f"fetch-orders-{report_day}", lambda: fetch_orders(report_day))

    totals: Dict[str, int] = {}

    def _aggregate() -> None:
        # The totals are written into a dict of the workflow instead of being returned:
        # on the next call this step is replayed, not run, and the dict stays empty.
        for order in orders:
            totals[order["region"]] = totals.get(order["region"], 0) + order["total_cents"]

    context.run("aggregate", _aggregate)

    report_url = None

    # The caveats page's mistake: the URL is handed on through a nonlocal variable instead of
    # being returned, so on every later call `report_url` is None again.
    def _upload() -> None:
        nonlocal report_url
        report_url = upload(f"sales-{report_day}.csv", render_csv(totals))

        # A step started from inside another step: the sync SDK records it in the middle
        # of this one and the next call fails with "Incompatible step name".
        context.run(
            "notify-finance", lambda: post_to_slack(f"Sales report for {report_day} is ready")
        )

    context.run("upload-report", _upload)

    # The threshold is read from the settings service outside a step, on every call:
    # when it changes during the run, the replay takes the other branch.
    threshold = requests.get(f"{UPLOAD_URL}/settings/alert-threshold", timeout=10).json()["cents"]
    if sum(totals.values()) < threshold:
        context.run(
            "alert-low-sales", lambda: post_to_slack(f"Low sales on {report_day}: {report_url}")
        )

    # The audit sample is drawn outside a step: each call picks other orders, so the
    # "audit" steps are different on every replay.
    for order in random.sample(orders, min(AUDIT_SAMPLE_SIZE, len(orders))):
        context.run(f"audit-{order['id']}", lambda order_id=order["id"]: flag_for_audit(order_id))
