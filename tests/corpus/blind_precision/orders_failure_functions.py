# shapes: correct; sync serve(fn, failure_function=...)["handler"] on Flask; failure functions full of sources: an annotated failure function reading datetime.now, uuid4 (through a helper), sqlite3 and random (through helpers) with the clock value deciding a branch; an unannotated failure function passed through a module-level variable that reads the clock, uuid4 and requests; a context-annotated function with the fail_status/fail_response/fail_headers signature called only from a failure function (time.time, requests); the routes themselves are plain steps
import logging
import random
import sqlite3
import time
import uuid
from datetime import datetime, timezone
from typing import Any

import requests
from flask import Flask
from upstash_workflow import WorkflowContext, serve

log = logging.getLogger("orders")

app = Flask(__name__)

DB_PATH = "/var/lib/orders/incidents.db"
PAGER_URL = "https://pager.internal/page"
SLACK_HOOK = "https://hooks.slack.internal/T000/B000"
WAREHOUSE_API = "https://warehouse.internal"


def record_incident(order_id: str, status: int, body: str) -> str:
    incident_id = uuid.uuid4().hex
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.execute(
            "INSERT INTO incidents (id, order_id, status, body, at) VALUES (?, ?, ?, ?, ?)",
            (incident_id, order_id, status, body, time.time()),
        )
    conn.close()
    return incident_id


def page_oncall(incident_id: str) -> None:
    target = "primary" if random.random() < 0.5 else "secondary"
    requests.post(PAGER_URL, json={"incident": incident_id, "target": target}, timeout=5)


def audit_failure(context: WorkflowContext[dict], fail_status: int, fail_response: str, fail_headers: dict) -> None:
    requests.post(
        f"{WAREHOUSE_API}/audit",
        json={"run": context.workflow_run_id, "status": fail_status, "at": time.time(), "headers": dict(fail_headers)},
        timeout=5,
    )


def order_failed(context: WorkflowContext[dict], fail_status: int, fail_response: str, fail_headers: dict) -> None:
    order_id = context.request_payload.get("order_id", "unknown")
    failed_at = datetime.now(timezone.utc)
    incident = record_incident(order_id, fail_status, fail_response)
    if failed_at.hour < 7 or fail_status >= 500:
        log.warning("incident %s needs a human, paging", incident)
        page_oncall(incident)
    audit_failure(context, fail_status, fail_response, fail_headers)


def refund_failed(context, fail_status, fail_response, fail_headers):
    log.error("refund failed at %s: %s", datetime.now(timezone.utc), fail_response)
    requests.post(SLACK_HOOK, json={"text": f"refund {uuid.uuid4()} failed with {fail_status}"}, timeout=5)


def reserve_stock(order_id: str, lines: list[dict[str, Any]]) -> dict[str, Any]:
    resp = requests.post(f"{WAREHOUSE_API}/reservations", json={"order": order_id, "lines": lines}, timeout=10)
    resp.raise_for_status()
    return {"reservation": resp.json()["id"]}


def ship(order_id: str, reservation: str) -> dict[str, Any]:
    resp = requests.post(f"{WAREHOUSE_API}/shipments", json={"order": order_id, "reservation": reservation}, timeout=10)
    return {"status": resp.status_code}


def refund(order_id: str, cents: int) -> dict[str, Any]:
    resp = requests.post(f"{WAREHOUSE_API}/refunds", json={"order": order_id, "cents": cents}, timeout=10)
    return {"status": resp.status_code}


def fulfil_order(context: WorkflowContext[dict]) -> None:
    order = context.request_payload
    reservation = context.run("reserve", lambda: reserve_stock(order["order_id"], order["lines"]))
    context.sleep("settle", "2m")
    context.run("ship", lambda: ship(order["order_id"], reservation["reservation"]))


def refund_order(context: WorkflowContext[dict]) -> None:
    order = context.request_payload
    result = context.run("refund", lambda: refund(order["order_id"], int(order["cents"])))
    if result["status"] >= 400:
        context.run("refund-manual-review", lambda: {"order": order["order_id"], "status": result["status"]})


on_refund_failure = refund_failed

fulfil_handler = serve(fulfil_order, failure_function=order_failed, retries=2)["handler"]
refund_handler = serve(refund_order, failure_function=on_refund_failure)["handler"]

app.add_url_rule("/workflows/fulfil", "fulfil", fulfil_handler, methods=["POST"])
app.add_url_rule("/workflows/refund", "refund", refund_handler, methods=["POST"])
