# shapes: routes registered inside attach_routes(serve: Serve) called from main.py; context annotated with an alias imported from config.py; a services helper (module without the SDK) that makes the steps and reads the clock before them (reported at the call); a label helper two modules deep used in a step name; `from pkg import mod` then mod.fn() deciding steps; an annotated helper from digest.py (findings inside it, none at the call); a route whose only helper provably makes no step
from __future__ import annotations

import logging

from upstash_workflow.fastapi import Serve

from trendwatch import clock
from trendwatch.config import TrendContext, get_settings
from trendwatch.digest import publish_digest
from trendwatch.services import (
    detect_spikes,
    load_watchlist,
    run_trend_refresh,
    snapshot_label,
    store_snapshot,
    summarize_request,
)

logger = logging.getLogger(__name__)

ALERTS_URL = "https://alerts.internal.example.com/v1/page"


def attach_routes(serve: Serve) -> None:
    settings = get_settings()

    @serve.post("/workflows/trends/refresh")
    async def refresh_trends(context: TrendContext) -> None:
        if context.headers.get("x-trend-token") != settings.trend_token:
            logger.warning("rejected a trend refresh without a valid token")
            return
        await run_trend_refresh(context, settings)  # expect: UWF101

    @serve.post("/workflows/trends/snapshot")
    async def snapshot(context: TrendContext) -> None:
        label = snapshot_label()  # expect: UWF101
        topics = await context.run("load-watchlist", lambda: load_watchlist(settings.watchlist_key))
        await context.run(f"store-{label}", lambda: store_snapshot(label, topics))  # expect: UWF106

    @serve.post("/workflows/trends/alerts")
    async def trend_alerts(context: TrendContext) -> None:
        spikes = await context.run("detect-spikes", lambda: detect_spikes(settings.watchlist_key))
        if not spikes:
            return
        if clock.is_quiet_hours(settings.quiet_start, settings.quiet_end):  # expect: UWF101, UWF105
            await context.run("queue-for-morning", lambda: store_snapshot("queued-alerts", spikes))
        else:
            await context.call("page-oncall", url=ALERTS_URL, method="POST", body={"spikes": spikes})

    @serve.post("/workflows/trends/digest")
    async def weekly_digest(context: TrendContext) -> None:
        payload = context.request_payload or {}
        await publish_digest(context, payload.get("audience", settings.watchlist_key))

    @serve.post("/workflows/trends/audit")
    async def audit_request(context: TrendContext) -> None:  # expect: UWF301
        summary = summarize_request(context)
        logger.info("trend audit requested: %s", summary)
