# shapes: InspectionRun, a class whose __init__ is annotated with the async context class and keeps it on self._ctx, with an async method making a loop of steps named by a uuid5 key of another module (deterministic); Inspections, a classmethod step factory returning functools.partial of a staticmethod; all correct (no finding)
import functools

from upstash_workflow import AsyncWorkflowContext

from fleetops.ids import Ids
from fleetops.telemetry import TelemetryStore


class Inspections:
    thresholds = {"brake_mm": 3.0, "tyre_mm": 1.6}

    @staticmethod
    def _inspect(vin: str, store: TelemetryStore, thresholds: dict) -> dict:
        latest = store.latest(vin)
        passed = all(float(latest.get(key, 0)) >= limit for key, limit in thresholds.items())
        return {"vin": vin, "passed": passed}

    @classmethod
    def factory(cls, vin: str, store: TelemetryStore):
        return functools.partial(cls._inspect, vin, store, dict(cls.thresholds))


class InspectionRun:
    def __init__(self, ctx: AsyncWorkflowContext[dict], store: TelemetryStore) -> None:
        self._ctx = ctx
        self.store = store

    async def inspect_all(self, vins: list) -> list:
        reports = []
        for vin in vins:
            report = await self._ctx.run(f"inspect-{Ids.job_key(vin)}", Inspections.factory(vin, self.store))
            reports.append(report)
        return reports
