# shapes: routes registered as obj.m (serve.post(PATH)(ledger.close_books), async_serve(route_function=ledger.rebuild_index, failure_function=ledger.on_rebuild_failed)) and as Class.m for a classmethod; a uuid4 run tag reaching a step name through a local and a slice (102, 106); a self attribute stored inside a nested step of a method route (201); a classmethod route that only renders and logs (301); fine: bound methods called inside steps, a failure method reading the clock, random and sqlite3, a loop of chunked steps
from __future__ import annotations

import logging
import random
import sqlite3
import time
import uuid

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext, async_serve
from upstash_workflow.fastapi import Serve

log = logging.getLogger("ledger")

app = FastAPI(title="ledger")
serve = Serve(app)

LEDGER_DB = "/var/lib/ledger/ledger.db"
CHUNK = 500


def query(dsn: str, sql: str, params: tuple = ()) -> list[dict]:
    with sqlite3.connect(dsn) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql, params)]


class LedgerService:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.last_closed_period: str | None = None

    def entries_for(self, period: str) -> list[dict]:
        return query(self.dsn, "SELECT id, account, amount_cents FROM entries WHERE period = ?", (period,))

    def post_closing(self, period: str, entries: list[dict]) -> dict:
        total = sum(entry["amount_cents"] for entry in entries)
        with sqlite3.connect(self.dsn) as conn:
            conn.execute("INSERT INTO closings(period, total_cents) VALUES (?, ?)", (period, total))
        return {"period": period, "total_cents": total}

    def index_chunk(self, chunk: list[dict]) -> int:
        with sqlite3.connect(self.dsn) as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO entry_index(id, account) VALUES (?, ?)",
                [(entry["id"], entry["account"]) for entry in chunk],
            )
        return len(chunk)

    async def close_books(self, context: AsyncWorkflowContext[dict]) -> None:
        period = context.request_payload["period"]
        run_tag = uuid.uuid4().hex[:8]  # expect: UWF102

        def _collect() -> list[dict]:
            entries = self.entries_for(period)
            self.last_closed_period = period  # expect: UWF201
            return entries

        entries = await context.run("collect-entries", _collect)
        if not entries:
            log.info("nothing to close for %s", period)
            return
        await context.run(f"post-closing-{run_tag}", lambda: self.post_closing(period, entries))  # expect: UWF106

    async def rebuild_index(self, context: AsyncWorkflowContext[dict]) -> None:
        period = context.request_payload["period"]
        entries = await context.run("load-entries", lambda: self.entries_for(period))
        for start in range(0, len(entries), CHUNK):
            chunk = entries[start:start + CHUNK]
            await context.run("index-chunk", lambda chunk=chunk: self.index_chunk(chunk))
            await context.sleep("throttle", 2)
        await context.run("index-done", lambda: {"period": period, "entries": len(entries)})

    async def on_rebuild_failed(self, context, fail_status, fail_response, fail_headers) -> None:
        failed_at = time.time()
        retry_hint = random.randint(5, 30)
        with sqlite3.connect(self.dsn) as conn:
            conn.execute(
                "INSERT INTO failures(kind, status, failed_at, retry_in) VALUES (?, ?, ?, ?)",
                ("rebuild-index", fail_status, failed_at, retry_hint),
            )
        if fail_status >= 500 and retry_hint > 20:
            log.error("rebuild failed hard: %s", fail_response)


class LedgerDigest:
    recipients = ("controller@example.com", "finance-ops@example.com")

    @classmethod
    def render(cls, period: str) -> str:
        return f"Ledger digest for {period} -> {', '.join(cls.recipients)}"

    @classmethod
    async def send(cls, context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
        period = context.request_payload["period"]
        body = cls.render(period)
        log.info("digest prepared: %s", body)


ledger = LedgerService(LEDGER_DB)

serve.post("/ledger/close")(ledger.close_books)
serve.post("/ledger/digest")(LedgerDigest.send)

rebuild = async_serve(route_function=ledger.rebuild_index, failure_function=ledger.on_rebuild_failed)
app.add_api_route("/ledger/rebuild", rebuild["handler"], methods=["POST"])
