# shapes: Flask Serve used inline (@Serve(app).route(PATH) and the call form Serve(app).route(PATH)(fn)), `import upstash_workflow as uw` with uw.serve(fn, retries=2) mounted by add_url_rule, contexts annotated uw.WorkflowContext[dict] and unannotated; a requests status code read through .status_code becoming a match subject that decides steps (103, 105); a conditional expression of two sync step calls whose test is random (102, 105); fine: match on a step result with mapping patterns and a captured value, match on a header, a deterministic conditional expression of two step calls
import logging
import os
import random

import requests
from flask import Flask

import upstash_workflow as uw
from upstash_workflow.flask import Serve

log = logging.getLogger("shipping")

app = Flask(__name__)

CARRIER_API = os.environ.get("CARRIER_API", "https://carriers.internal")
RETURNS_API = os.environ.get("RETURNS_API", "https://returns.internal")
SAMPLE_RATE = 0.05


def reserve_label(shipment: str, carrier: str) -> dict:
    resp = requests.post(f"{CARRIER_API}/{carrier}/labels", json={"shipment": shipment}, timeout=20)
    return resp.json()


def print_label(label: dict) -> dict:
    resp = requests.post(f"{CARRIER_API}/print", json=label, timeout=20)
    return {"status": resp.status_code}


def fallback(shipment: str) -> dict:
    resp = requests.post(f"{CARRIER_API}/fallback/labels", json={"shipment": shipment}, timeout=20)
    return resp.json()


def track_now(shipment: str) -> dict:
    return requests.get(f"{CARRIER_API}/track/{shipment}", timeout=10).json()


def queue_tracking(shipment: str) -> dict:
    resp = requests.post(f"{CARRIER_API}/track/batch", json={"shipment": shipment}, timeout=10)
    return {"queued": resp.ok}


def inspect_return(rma: str) -> dict:
    return requests.get(f"{RETURNS_API}/rma/{rma}/inspection", timeout=10).json()


def refund(rma: str, amount: int) -> dict:
    return requests.post(f"{RETURNS_API}/rma/{rma}/refund", json={"amount": amount}, timeout=10).json()


def replace(rma: str) -> dict:
    return requests.post(f"{RETURNS_API}/rma/{rma}/replace", timeout=10).json()


def manual_review(rma: str) -> dict:
    return requests.post(f"{RETURNS_API}/rma/{rma}/review", timeout=10).json()


def notify_store(rma: str) -> None:
    requests.post(f"{RETURNS_API}/rma/{rma}/notify-store", timeout=10)


@Serve(app).route("/shipments/label")
def create_label(context: uw.WorkflowContext[dict]) -> None:
    shipment = context.request_payload["shipment"]
    carrier = context.request_payload.get("carrier", "dhl")
    status = requests.get(f"{CARRIER_API}/{carrier}/health", timeout=5).status_code  # expect: UWF103
    label = context.run("reserve-label", lambda: reserve_label(shipment, carrier))
    match status:  # expect: UWF105
        case 200:
            context.run("print-label", lambda: print_label(label))
        case 503:
            context.sleep("carrier-down", "15m")
            context.run("print-label", lambda: print_label(label))
        case _:
            context.run("fallback-carrier", lambda: fallback(shipment))


def track(context: uw.WorkflowContext[dict]) -> None:
    shipment = context.request_payload["shipment"]
    express = context.request_payload.get("express", False)
    first = context.run("track-now", lambda: track_now(shipment)) if express else context.run("queue-tracking", lambda: queue_tracking(shipment))
    log.info("first tracking result %s", first)
    again = context.run("resample-now", lambda: track_now(shipment)) if random.random() < SAMPLE_RATE else context.run("resample-later", lambda: queue_tracking(shipment))  # expect: UWF102, UWF105
    log.info("resample result %s", again)


Serve(app).route("/shipments/track")(track)


def returns_intake(context) -> None:
    rma = context.request_payload["rma"]
    decision = context.run("inspect", lambda: inspect_return(rma))
    match decision:
        case {"action": "refund", "amount": amount}:
            context.run("refund", lambda: refund(rma, amount))
        case {"action": "replace"}:
            context.run("replace", lambda: replace(rma))
        case _:
            context.run("manual-review", lambda: manual_review(rma))
    match context.headers.get("x-channel"):
        case "store":
            context.run("notify-store", lambda: notify_store(rma))
        case _:
            log.info("online return %s", rma)


returns = uw.serve(returns_intake, retries=2)
app.add_url_rule("/returns/intake", endpoint="returns_intake", view_func=returns["handler"], methods=["POST"])
