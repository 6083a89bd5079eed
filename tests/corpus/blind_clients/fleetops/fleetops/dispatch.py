# shapes: sync routes on the flask Serve imported from app.py; an imported function with an annotated Session parameter called with the imported module-level session before the first step, deciding an early return (103, 104); an SQS read (client from boto3.session.Session(...).client) in a loguru argument (exempt) and outside a step deciding a sleep (103, 105); a Table read deciding a step (103, 105); an imported requests.Session health check deciding a step (103+105); upstash_redis Redis.from_env() constructed in orchestration and used in a step; an Anthropic read reaching a step name (103, 106) and inside a call body (exempt)
from loguru import logger
from upstash_redis import Redis
from upstash_workflow import WorkflowContext

from fleetops import remote
from fleetops.app import serve
from fleetops.aws import QUEUE_URL, last_ping, send_dispatch, sqs, telemetry
from fleetops.db import mark_dispatched, session, vehicle_status
from fleetops.remote import OPS_URL, claude, fetch_route, file_incident, routing_online


@serve.route("/dispatch")
def dispatch(context: WorkflowContext[dict]) -> None:
    vehicle_id = context.request_payload["vehicle_id"]
    status = vehicle_status(session, vehicle_id)  # expect: UWF103
    if status == "retired":
        return  # expect: UWF104
    logger.info("dispatching {} with backlog {}", vehicle_id, sqs.get_queue_attributes(QueueUrl=QUEUE_URL, AttributeNames=["ApproximateNumberOfMessages"])["Attributes"])
    route = context.run("load-route", lambda: fetch_route(context.request_payload["route_id"]))
    attributes = sqs.get_queue_attributes(QueueUrl=QUEUE_URL, AttributeNames=["ApproximateNumberOfMessages"])  # expect: UWF103
    backlog = int(attributes["Attributes"]["ApproximateNumberOfMessages"])
    if backlog > 50:  # expect: UWF105
        context.sleep("wait-for-backlog", 300)
    context.run("enqueue", lambda: send_dispatch(vehicle_id, route))
    context.run("mark-dispatched", lambda: mark_dispatched(vehicle_id))


@serve.route("/health-check")
def health_check(context: WorkflowContext[dict]) -> None:
    vehicle_id = context.request_payload["vehicle_id"]
    ping = context.run("last-ping", lambda: last_ping(vehicle_id))
    reading = telemetry.get_item(Key={"vehicle_id": vehicle_id})  # expect: UWF103
    if "Item" not in reading:  # expect: UWF105
        context.run("request-inspection", lambda: send_dispatch(vehicle_id, {"kind": "inspection", "last_ping": ping}))
    if routing_online():  # expect: UWF103, UWF105
        context.run("reroute", lambda: remote.api.post(f"{remote.ROUTING_URL}/reroute/{vehicle_id}", timeout=10).status_code)
    cache = Redis.from_env()
    context.run("remember-check", lambda: cache.set(f"checked:{vehicle_id}", ping))


@serve.route("/incident")
def incident(context: WorkflowContext[dict]) -> None:
    notes = context.request_payload["notes"]
    triage = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=200, messages=[{"role": "user", "content": notes}])  # expect: UWF103
    context.run(f"file-incident-{triage.id}", lambda: file_incident(notes))  # expect: UWF106
    context.call("notify-ops", url=OPS_URL, method="POST", body={"notes": notes, "summary": claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=80, messages=[{"role": "user", "content": notes}]).content[0].text})
