# shapes: route methods decorated in their class body (@serve.post on a method, serve imported from app.py); a same-file mixin method reached as self.m() reading the clock before the first step (101 at the call) and reaching a step name (106); an upstash_redis client held in self.cache read before the first step, deciding an early return (103, 104); a self attribute store and an augmented assignment inside nested-def steps of a route method (201); a staticmethod of the file returning a set, reached through a lambda step (204), and one returning a dict called eagerly (203), next to a classmethod step factory (fine); BaseReport, a base class of another module, whose methods run only inside steps; ExportJob, a class whose __init__ is annotated with the context and keeps it on self, used by a route of this module (unawaited self.ctx.call, 303), and AuditedExportJob, its subclass in this module, using the inherited self.ctx (float sleep, 307)
import functools
import logging
from datetime import datetime, timezone

from upstash_redis import Redis
from upstash_workflow import AsyncWorkflowContext

from reportkit.app import serve
from reportkit.base import BaseReport
from reportkit.warehouse import Fetchers, Warehouse

log = logging.getLogger(__name__)

ANNOUNCE_URL = "https://hooks.example.com/reports/exports"

wh = Warehouse()


class HourBucketMixin:
    def hour_bucket(self) -> str:
        return datetime.now(timezone.utc).strftime("%Y%m%d%H")


class TagIndex:
    max_tags = 50

    @staticmethod
    def collect(rows: list):
        return {row["tag"] for row in rows}

    @staticmethod
    def summarize(rows: list) -> dict:
        return {"rows": len(rows), "tags": sorted({row["tag"] for row in rows})}

    @classmethod
    def refresher(cls, day: str):
        return functools.partial(wh.refresh_tags, day, cls.max_tags)


class ExportJob:
    def __init__(self, ctx: AsyncWorkflowContext[dict], tables: list) -> None:
        self.ctx = ctx
        self.tables = tables

    async def export_all(self, day: str) -> list:
        keys = []
        for table in self.tables:
            key = await self.ctx.run(f"export-{table}", Fetchers.for_table(table, day))
            keys.append(key)
        return keys

    async def announce(self, keys: list) -> None:
        self.ctx.call("announce-exports", url=ANNOUNCE_URL, method="POST", body={"keys": keys})  # expect: UWF303


class AuditedExportJob(ExportJob):
    grace_seconds = 900

    async def seal(self, keys: list) -> None:
        await self.ctx.sleep("settle-exports", self.grace_seconds / 2)  # expect: UWF307
        await self.ctx.run("seal-exports", functools.partial(wh.seal_exports, keys))


class DailyReport(HourBucketMixin, BaseReport):
    def __init__(self) -> None:
        super().__init__(name="daily")
        self.cache = Redis.from_env()
        self.last_rows: list = []
        self.rendered = 0

    def _cache_key(self, day: str) -> str:
        return f"report:daily:{day}"

    @serve.post("/reports/daily")
    async def build(self, context: AsyncWorkflowContext[dict]) -> None:
        day = context.request_payload["day"]
        if self.cache.get(self._cache_key(day)):  # expect: UWF103
            return  # expect: UWF104
        bucket = self.hour_bucket()  # expect: UWF101

        async def _load():
            rows = wh.fetch("events", day)
            self.last_rows = rows  # expect: UWF201
            return rows

        rows = await context.run("load-events", _load)
        await context.run("refresh-tags", TagIndex.refresher(day))
        tags = await context.run("collect-tags", lambda: TagIndex.collect(rows))  # expect: UWF204
        summary = await context.run("summarize", TagIndex.summarize(rows))  # expect: UWF203

        async def _render():
            self.rendered += 1  # expect: UWF201
            return {"day": day, "title": self.title(), "since": self.window_start(), "tag_count": len(tags), "summary": summary}

        await context.run(f"render-{bucket}", _render)  # expect: UWF106
        await context.run("mark-cached", functools.partial(self.cache.set, self._cache_key(day), "done"))


class ExportRoutes:
    @serve.post("/reports/export")
    async def export(self, context: AsyncWorkflowContext[dict]) -> None:
        job = ExportJob(context, ["events", "sessions"])
        keys = await job.export_all(context.request_payload["day"])
        log.info("exported %d tables", len(keys))
        await job.announce(keys)

    @serve.post("/reports/export/audited")
    async def audited(self, context: AsyncWorkflowContext[dict]) -> None:
        day = context.request_payload["day"]
        keys = await context.run("list-exports", functools.partial(wh.list_exports, day))
        job = AuditedExportJob(context, ["events"])
        await job.seal(keys)
