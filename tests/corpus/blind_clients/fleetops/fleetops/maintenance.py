# shapes: correct SDK module: sync serve(fn)["handler"]; an imported function reading the module-level Session inside a logging argument (exempt); sessionmaker sessions, the SQS client, the Table and the requests.Session used only in functions called from steps; time.localtime(ts) / time.strftime(fmt, tuple) / time.ctime(ts) lookalikes; a random.Random seeded with the run id choosing the vehicles; uuid5 step names in a loop; a Table read directly in a call body (exempt)
import logging
import random
import time
import uuid

from upstash_workflow import WorkflowContext, serve

from fleetops.aws import telemetry
from fleetops.db import count_active, depot_vehicle_ids
from fleetops.remote import ROUTING_URL, api

logger = logging.getLogger(__name__)
FLEET_NS = uuid.UUID("6f1c1f9e-2f1a-4c55-9a3e-6a7b8c9d0e1f")


def inspect_vehicle(vehicle_id: str) -> int:
    response = api.post(f"{ROUTING_URL}/inspections", json={"vehicle": vehicle_id}, timeout=10)
    return response.status_code


def schedule_service(context: WorkflowContext[dict]) -> None:
    depot = context.request_payload["depot"]
    window_start = context.request_payload["window_start"]
    logger.info("active vehicles before scheduling: %d", count_active())
    day = time.strftime("%Y-%m-%d", time.localtime(window_start))
    rng = random.Random(context.workflow_run_id)
    ids = context.run("list-vehicles", lambda: depot_vehicle_ids(depot))
    for vehicle_id in rng.sample(ids, k=min(3, len(ids))):
        name = uuid.uuid5(FLEET_NS, f"{depot}/{vehicle_id}").hex[:8]
        context.run(f"inspect-{name}", lambda v=vehicle_id: inspect_vehicle(v))
    context.call("ops-digest", url=f"{ROUTING_URL}/digest", method="POST", body={"depot": depot, "day": day, "since": time.ctime(window_start), "last": telemetry.get_item(Key={"vehicle_id": depot})["ResponseMetadata"]["RequestId"]})
    context.sleep("cool-down", "1h")


service_handler = serve(schedule_service)["handler"]
