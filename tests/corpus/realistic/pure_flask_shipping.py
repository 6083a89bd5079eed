# Shapes (no findings expected): Flask adapter with module-level inner-def steps, boto3/redis clients constructed at module level and used only inside steps, Path reads inside steps, deterministic branching on step results and payload, loops over payload with default-argument lambdas, f-string step names from payload, time.gmtime(ts) and uuid5 in orchestration, a sort key lambda and a callback that are not analysed, sleep_until on a payload timestamp.
from __future__ import annotations

import logging
import time
import uuid
from pathlib import Path

import boto3
import redis
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

logger = logging.getLogger(__name__)

app = Flask(__name__)
serve = Serve(app)

s3 = boto3.client("s3")
locks = redis.Redis(host="redis.internal")
LABELS = Path("/srv/labels")
SHIPMENT_NS = uuid.UUID("a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d")


def print_label(parcel: dict) -> dict:
    pdf = (LABELS / f"{parcel['id']}.pdf").read_bytes()
    s3.put_object(Bucket="labels", Key=f"{parcel['id']}.pdf", Body=pdf)
    return {"parcel": parcel["id"], "bytes": len(pdf)}


def book_pickup(order_id: str, day: str) -> dict:
    locks.set(f"pickup:{order_id}", day)
    return {"order": order_id, "day": day}


@serve.route("/shipping/dispatch")
def dispatch(context: WorkflowContext[dict]) -> None:
    order = context.request_payload
    parcels = sorted(order["parcels"], key=lambda p: p["weight"], reverse=True)
    pickup_day = time.strftime("%Y-%m-%d", time.gmtime(order["ready_at"]))
    shipment_id = str(uuid.uuid5(SHIPMENT_NS, order["id"]))

    def _reserve() -> dict:
        acquired = locks.set(f"dispatch:{order['id']}", "1", nx=True, ex=3600)
        return {"acquired": bool(acquired)}

    reservation = context.run("reserve", _reserve)
    if not reservation["acquired"]:
        logger.info("dispatch of %s already running", order["id"])
        return

    for parcel in parcels:
        context.run(f"label-{parcel['id']}", lambda p=parcel: print_label(p))

    if order.get("express"):
        context.run("book-express", lambda: book_pickup(order["id"], "today"))
    else:
        context.sleep_until("wait-ready", order["ready_at"])
        context.run(f"book-{pickup_day}", lambda: book_pickup(order["id"], pickup_day))

    app.logger.info("dispatch %s scheduled", shipment_id)
    context.run(
        f"confirm-{shipment_id}", lambda: {"shipment": shipment_id, "parcels": len(parcels)}
    )
