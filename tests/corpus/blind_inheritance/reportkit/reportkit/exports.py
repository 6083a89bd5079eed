# shapes: route methods registered after their class with the call form serve.post(PATH)(obj.m), and a classmethod route registered as Class.m; ExportJob imported from reports.py (a class keeping the context on self) making the steps of a route of another module; a helper method on self reading secrets in orchestration and deciding a step (102, 105); a plain def route method under the async adapter (304) with its unawaited step (303); a route method that makes no step (301); asyncio.gather of two steps (302) and asyncio.sleep between steps (107) in the classmethod route; staticmethod step factories of another module and a module-level instance of another module's class used only inside steps (fine); self attribute writes in orchestration (fine)
import asyncio
import functools
import logging
import secrets

from upstash_workflow import AsyncWorkflowContext

from reportkit.app import serve
from reportkit.reports import ExportJob
from reportkit.warehouse import Fetchers, Warehouse

log = logging.getLogger(__name__)

warehouse = Warehouse()


class WeeklyExports:
    def __init__(self, store: Warehouse) -> None:
        self.store = store
        self.previews = 0

    def _sampled_for_audit(self) -> bool:
        return secrets.randbelow(100) < 5

    async def weekly(self, context: AsyncWorkflowContext[dict]) -> None:
        week = context.request_payload["week"]
        job = ExportJob(context, ["events", "sessions"])
        keys = await job.export_all(week)
        if self._sampled_for_audit():  # expect: UWF102, UWF105
            await context.run("audit-sample", functools.partial(self.store.audit, week))
        await context.run("manifest", lambda: {"week": week, "keys": keys})

    def ping(self, context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF304
        context.run("pong", lambda: {"ok": True})  # expect: UWF303

    async def preview(self, context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
        table = context.request_payload.get("table", "events")
        self.previews += 1
        log.info("preview requested for %s", table)


class Backfill:
    tables = ("events", "sessions")

    @classmethod
    async def run(cls, context: AsyncWorkflowContext[dict]) -> None:
        day = context.request_payload["day"]
        await asyncio.gather(context.run("count-events", Fetchers.counter("events", day)), context.run("count-sessions", Fetchers.counter("sessions", day)))  # expect: UWF302
        await asyncio.sleep(5)  # expect: UWF107
        for table in cls.tables:
            await context.run(f"backfill-{table}", Fetchers.for_table(table, day))
        await context.run("audit", functools.partial(warehouse.audit, day))


routes = WeeklyExports(warehouse)
serve.post("/exports/weekly")(routes.weekly)
serve.post("/exports/ping")(routes.ping)
serve.post("/exports/preview")(routes.preview)
serve.post("/exports/backfill")(Backfill.run)
