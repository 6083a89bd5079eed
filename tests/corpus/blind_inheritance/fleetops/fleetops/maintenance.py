# shapes: a route method registered after its class as obj.m with a bound method of the same instance as failure_function= (annotated, fail_* parameters, reads the clock and the network: not workflow code); a class inheriting a mixin and a base class of other modules (their methods only inside steps); a deterministic header check through a self helper (hmac, os.environ) returning before the first step; the clock in a logging argument; a clock value reaching only sleep_until through one local; InspectionRun of inspections.py built with the context; a default-argument lambda step in a loop over step results named by uuid5 keys; a self attribute written in orchestration from a step result; all correct (no finding)
import functools
import hmac
import logging
import os
import time
from datetime import datetime, timedelta, timezone

import requests
from upstash_workflow import AsyncWorkflowContext

from fleetops.base import RouteBase
from fleetops.ids import Ids
from fleetops.inspections import InspectionRun
from fleetops.routing import serve
from fleetops.telemetry import GeoMixin, TelemetryStore
from fleetops.workshop import workshop

log = logging.getLogger(__name__)


class ServiceRoutes(GeoMixin, RouteBase):
    def __init__(self, store: TelemetryStore) -> None:
        super().__init__("service")
        self.store = store
        self.expected_key = os.environ.get("FLEET_WORKFLOW_KEY", "")
        self.last_summary: dict = {}

    def _authorized(self, headers) -> bool:
        return hmac.compare_digest(headers.get("x-fleet-key", ""), self.expected_key)

    async def service(self, context: AsyncWorkflowContext[dict]) -> None:
        if not self._authorized(context.headers):
            return
        depot = context.request_payload["depot"]
        log.info("service run for %s requested at %s", depot, time.time())
        due = await context.run("due-vehicles", functools.partial(self.store.due_vehicles, depot))
        run = InspectionRun(context, self.store)
        reports = await run.inspect_all(due)
        failing = [report["vin"] for report in reports if not report["passed"]]
        if failing:
            slot_at = datetime.now(timezone.utc) + timedelta(hours=12)
            await context.sleep_until("workshop-slot", slot_at)
            for vin in failing:
                await context.run(f"book-{Ids.job_key(vin)}", lambda vin=vin: workshop.book(vin, self.live_position(vin)))
        summary = await context.run("summary", lambda: {"label": self.label_for(depot), "failing": len(failing), "elapsed": self.elapsed()})
        self.last_summary = summary
        log.info("service summary %s", summary)

    async def on_failure(self, context: AsyncWorkflowContext[dict], fail_status: int, fail_response: str, fail_headers: dict) -> None:
        requests.post(
            os.environ.get("FLEET_ALERT_URL", "https://alerts.example.com/fleet"),
            json={"at": datetime.now(timezone.utc).isoformat(), "status": fail_status, "response": fail_response},
            timeout=10,
        )


service_routes = ServiceRoutes(TelemetryStore())
serve.post("/service", failure_function=service_routes.on_failure)(service_routes.service)
