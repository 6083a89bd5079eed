# shapes: a classmethod route registered as Class.m with pure cls.m() helpers, a classmethod step factory and a staticmethod step factory of another module in a loop over a step result; a route method decorated in the class body of a subclass of a base class of another module (inherited methods only inside steps); the documented WorkflowAbort re-raise around a step; a staticmethod of another module passed as the step function; module-level instances of other modules' classes used only inside steps; a duration-string sleep; all correct (no finding)
import functools
import logging

from upstash_workflow import AsyncWorkflowContext, WorkflowAbort

from fleetops.base import RouteBase
from fleetops.routing import serve
from fleetops.telemetry import FleetStats, Odometer, TelemetryStore
from fleetops.workshop import Notifier, RecallRegistry

log = logging.getLogger(__name__)

store = TelemetryStore()
registry = RecallRegistry()


class RecallBroadcast:
    channel = "recalls"
    batch_size = 50

    @classmethod
    def _batches(cls, vins: list) -> list:
        return [vins[i:i + cls.batch_size] for i in range(0, len(vins), cls.batch_size)]

    @classmethod
    def closer(cls, recall_id: str):
        return functools.partial(registry.close, recall_id, cls.channel)

    @classmethod
    async def broadcast(cls, context: AsyncWorkflowContext[dict]) -> None:
        recall_id = context.request_payload["recall_id"]
        vins = await context.run("affected-vehicles", functools.partial(registry.affected_vins, recall_id))
        for index, batch in enumerate(cls._batches(vins)):
            await context.run(f"notify-batch-{index}", Notifier.batch_step(batch, cls.channel))
        await context.sleep("grace-period", "1d")
        await context.run("close-recall", cls.closer(recall_id))


class OdometerSync(RouteBase):
    def __init__(self) -> None:
        super().__init__("odometer")

    @serve.post("/odometer")
    async def sync(self, context: AsyncWorkflowContext[dict]) -> None:
        vin = context.request_payload["vin"]
        reading = await context.run("read-odometer", functools.partial(Odometer.read, vin))
        try:
            await context.run("store-reading", functools.partial(store.record_odometer, vin, reading))
        except Exception as exc:
            if isinstance(exc, WorkflowAbort):
                raise
            log.warning("could not store the odometer of %s: %s", vin, exc)
        await context.run("fleet-snapshot", FleetStats.snapshot)
        await context.run("timing", lambda: {"route": self.name, "elapsed": self.elapsed()})


serve.post("/recall")(RecallBroadcast.broadcast)
