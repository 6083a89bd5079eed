# shapes: FastAPI Serve routes as methods decorated in the class body (the context is the parameter after self), a self._publish workflow helper called with the context, a pure staticmethod and a class constant in orchestration, datetime.now() deciding which step runs in a method route (101, 105), a plain def method under @serve.post (304, 303 twice); fine: an early return and a branch on step results after the first step
from __future__ import annotations

import logging
import os
from datetime import datetime, timezone

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("settlements")

app = FastAPI(title="settlements")
serve = Serve(app)

PARTNER_API = os.environ.get("PARTNER_API", "https://partners.example.com/api")


async def fetch_settlements(partner: str) -> list[dict]:
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.get(f"{PARTNER_API}/{partner}/settlements")
        resp.raise_for_status()
        return [dict(row) for row in resp.json()["items"]]


def load_open(partner: str) -> list[dict]:
    resp = httpx.get(f"{PARTNER_API}/{partner}/open", timeout=10)
    resp.raise_for_status()
    return [dict(row) for row in resp.json()["items"]]


def settle(partner: str, rows: list[dict]) -> dict:
    resp = httpx.post(
        f"{PARTNER_API}/{partner}/settle",
        json={"ids": [row["id"] for row in rows]},
        timeout=30,
    )
    return {"status": resp.status_code}


def defer(partner: str, rows: list[dict]) -> dict:
    resp = httpx.post(f"{PARTNER_API}/{partner}/defer", json={"count": len(rows)}, timeout=30)
    return {"status": resp.status_code}


def reload_batch(batch: str) -> dict:
    resp = httpx.post(f"{PARTNER_API}/batches/{batch}/reload", timeout=30)
    return {"status": resp.status_code}


class SettlementRoutes:
    """Settlement workflows owned by the payments team."""

    MIN_TOTAL_CENTS = 10_000

    @staticmethod
    def summarize(rows: list[dict]) -> dict:
        return {"count": len(rows), "total": sum(row["amount_cents"] for row in rows)}

    @serve.post("/settlements/daily")
    async def daily(self, context: AsyncWorkflowContext[dict]) -> None:
        partner = context.request_payload["partner"]

        async def _load() -> list[dict]:
            return await fetch_settlements(partner)

        rows = await context.run("load-settlements", _load)
        summary = self.summarize(rows)
        if summary["total"] < self.MIN_TOTAL_CENTS:
            log.info("partner %s below minimum (%s)", partner, summary["total"])
            return
        await self._publish(context, partner, summary)
        await context.run("archive", lambda: {"archived": summary["count"]})

    async def _publish(self, context: AsyncWorkflowContext[dict], partner: str, summary: dict) -> None:
        response = await context.call(
            "publish-summary",
            url=f"{PARTNER_API}/{partner}/summary",
            method="POST",
            body=summary,
        )
        if response.status_code >= 400:
            await context.run(
                "flag-publish-failure",
                lambda: {"partner": partner, "status": response.status_code},
            )

    @serve.post("/settlements/cutoff")
    async def cutoff(self, context: AsyncWorkflowContext[dict]) -> None:
        partner = context.request_payload["partner"]
        rows = await context.run("load-open", lambda: load_open(partner))
        if not rows:
            log.info("no open settlements for %s", partner)
            return
        if datetime.now(timezone.utc).hour >= 22:  # expect: UWF101, UWF105
            await context.run("defer-to-tomorrow", lambda: defer(partner, rows))
        else:
            await context.run("settle-now", lambda: settle(partner, rows))
        await context.run("notify-partner", lambda: {"partner": partner, "rows": len(rows)})

    @serve.post("/settlements/replay")
    def replay(self, context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF304
        batch = context.request_payload["batch"]
        log.info("replaying batch %s", batch)
        context.run("reload-batch", lambda: reload_batch(batch))  # expect: UWF303
        context.sleep("cool-down", 30)  # expect: UWF303
