# shapes: sync routes on the flask serve imported from app.py (UWF309 selected): the module-level S3 client of storage.py read before the first step, its ETag in a step name (UWF103, UWF106); telematics.needs_service (a chain over three modules to requests.get) deciding a step (UWF103, UWF105); depots.depot_open (clock) deciding a sleep (UWF101, UWF105); a deliberate time.monotonic read under noqa whose value reaches only a step body (fine); the same literal step name twice in straight-line code (UWF309 at the second); constant step names inside loops (fine); depot_codes, declared `# wfcheck: deterministic`, iterated to make steps (fine); stable_id in a step name (fine); helpers of parts.py taking the context (nothing at their calls); an async def step on the sync context (UWF205); logging in orchestration code (UWF108 not selected)
import logging
import time

from acme_common.ids import stable_id
from upstash_workflow import WorkflowContext

from fleetops import workshop
from fleetops.app import serve
from fleetops.depots import depot_codes, depot_open
from fleetops.parts import notify_driver, reserve_parts
from fleetops.storage import MANUALS_BUCKET, s3
from fleetops.telematics import needs_service

logger = logging.getLogger(__name__)


@serve.route("/maintenance")
def schedule_maintenance(context: WorkflowContext[dict]) -> None:
    vehicle_id = context.request_payload["vehicle_id"]
    depot = context.request_payload["depot"]
    started = time.monotonic()  # noqa: UWF101
    logger.info("maintenance check for %s at %s", vehicle_id, depot)

    manual = s3.head_object(Bucket=MANUALS_BUCKET, Key=f"manuals/{vehicle_id}.pdf")  # expect: UWF103
    etag = manual["ETag"]

    if needs_service(vehicle_id):  # expect: UWF103, UWF105
        context.run("book-workshop-slot", lambda: workshop.book_slot(vehicle_id, depot))

    if not depot_open(depot):  # expect: UWF101, UWF105
        context.sleep("wait-for-depot", "8h")

    context.run(f"attach-manual-{etag}", lambda: workshop.attach_manual(vehicle_id, etag))  # expect: UWF106
    reserve_parts(context, {"vehicle_id": vehicle_id, "depot": depot})
    context.run("notify-fleet-manager", lambda: workshop.notify_manager(vehicle_id, "parts reserved"))
    notify_driver(context, vehicle_id, "Your vehicle is booked in")
    context.run("notify-fleet-manager", lambda: workshop.notify_manager(vehicle_id, "driver notified"))  # expect: UWF309

    ticket = stable_id("maintenance", vehicle_id)
    context.run(f"close-ticket-{ticket}", lambda: workshop.close_ticket(ticket, time.monotonic() - started))


@serve.route("/inspections")
def inspect_fleet(context):
    depot = context.request_payload["depot"]
    vehicles = context.run("load-fleet", lambda: workshop.list_vehicles(depot))
    for vehicle_id in vehicles:
        context.run("inspect-vehicle", lambda v=vehicle_id: workshop.inspect(v))

    for code in depot_codes():
        context.run("sync-depot-calendar", lambda c=code: workshop.sync_calendar(c))

    async def _upload_report() -> dict:
        return await workshop.upload_report_async(depot, vehicles)

    context.run("upload-inspection-report", _upload_report)  # expect: UWF205
