# shapes: no SDK; Flask blueprint views reading the module-level Session, the SQS client, the Table, the requests.Session and the clock freely, deciding branches and early returns
import time
import uuid

from flask import Blueprint, abort, jsonify

from fleetops.aws import QUEUE_URL, sqs, telemetry
from fleetops.db import count_active, session, vehicle_status
from fleetops.remote import claude, routing_online

bp = Blueprint("fleet", __name__)


@bp.get("/vehicles/<vehicle_id>")
def vehicle(vehicle_id: str):
    status = vehicle_status(session, vehicle_id)
    if status == "unknown":
        abort(404)
    reading = telemetry.get_item(Key={"vehicle_id": vehicle_id})
    return jsonify({"status": status, "telemetry": "Item" in reading, "at": time.time()})


@bp.get("/dashboard")
def dashboard():
    attributes = sqs.get_queue_attributes(QueueUrl=QUEUE_URL, AttributeNames=["ApproximateNumberOfMessages"])
    backlog = int(attributes["Attributes"]["ApproximateNumberOfMessages"])
    if not routing_online():
        return jsonify({"backlog": backlog, "routing": False})
    return jsonify({"backlog": backlog, "active": count_active(), "request": uuid.uuid4().hex})


@bp.post("/triage")
def triage():
    message = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=50, messages=[{"role": "user", "content": "status?"}])
    return jsonify({"id": message.id, "text": message.content[0].text})
