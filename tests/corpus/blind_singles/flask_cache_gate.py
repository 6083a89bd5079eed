# shapes: Flask Serve(app).route (sync), untyped context, a deterministic early return on the payload (fine), a module-level redis.Redis read before the first step followed by an early return, a time.monotonic() deadline loop deciding steps, time.sleep between steps, a requests.get status deciding a step, os.urandom used only in a context.call header (still a source); fine: redis, requests and time.sleep inside steps
import os
import time

import redis
import requests
from flask import Flask
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)
cache = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379)

CARRIER_API = "https://carrier.example.com"


def request_label(shipment_id: str) -> dict:
    resp = requests.post(f"{CARRIER_API}/labels", json={"shipment": shipment_id}, timeout=15)
    resp.raise_for_status()
    return resp.json()


def carrier_status(shipment_id: str) -> str:
    time.sleep(0.5)
    resp = requests.get(f"{CARRIER_API}/labels/{shipment_id}", timeout=15)
    return resp.json()["state"]


def remember(shipment_id: str) -> None:
    cache.set(f"label:{shipment_id}", "done", ex=86400)


@serve.route("/shipping/label")
def create_label(context) -> None:
    shipment_id = context.request_payload.get("shipment_id")
    if not shipment_id:
        return

    done = cache.get(f"label:{shipment_id}")  # expect: UWF103
    if done:
        return  # expect: UWF104

    context.run("request-label", lambda: request_label(shipment_id))

    deadline = time.monotonic() + 120  # expect: UWF101
    while time.monotonic() < deadline:  # expect: UWF101, UWF105
        state = context.run("check-label", lambda: carrier_status(shipment_id))
        if state == "ready":
            break
        time.sleep(5)  # expect: UWF107

    carrier = requests.get(f"{CARRIER_API}/health", timeout=5)  # expect: UWF103
    if carrier.status_code != 200:  # expect: UWF105
        context.run("queue-manual", lambda: {"shipment": shipment_id, "manual": True})

    idempotency_key = os.urandom(8).hex()  # expect: UWF102
    context.call(
        "notify-warehouse",
        url=f"{CARRIER_API}/notify",
        method="POST",
        body={"shipment": shipment_id},
        headers={"Idempotency-Key": idempotency_key},
    )
    context.run("remember", lambda: remember(shipment_id))
