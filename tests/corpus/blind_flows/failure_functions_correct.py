# shapes: correct. async_serve(route_function=..., failure_function=...) with a context-annotated failure function whose parameters are renamed (ctx, status, body, headers) that reads the clock and random and awaits httpx, returning early on them; serve(fn, failure_function=ON_EXPORT_FAILURE) through a module variable; a context-annotated function recognised by its fail_status/fail_response/fail_headers parameters, registered nowhere, with a clock-decided early return and sqlite3; an unannotated helper taking the context, called only from a failure function, reading uuid4 and requests; routes whose control flow follows step results and the payload
import logging
import os
import random
import sqlite3
import time
import uuid
from datetime import datetime, timezone

import httpx
import requests
from upstash_workflow import AsyncWorkflowContext, WorkflowContext, async_serve, serve

log = logging.getLogger("exports")

EXPORT_API = os.environ.get("EXPORT_API", "https://exports.internal")
ALERTS_URL = os.environ.get("ALERTS_URL", "https://alerts.internal/hooks/exports")
FAILURES_DB = os.environ.get("FAILURES_DB", "/var/lib/exports/failures.db")


async def export_call(path: str, body: dict) -> dict:
    async with httpx.AsyncClient(timeout=60) as client:
        resp = await client.post(f"{EXPORT_API}{path}", json=body)
        resp.raise_for_status()
        return resp.json()


def export_call_sync(path: str, body: dict) -> dict:
    resp = requests.post(f"{EXPORT_API}{path}", json=body, timeout=60)
    resp.raise_for_status()
    return resp.json()


async def build_export(context: AsyncWorkflowContext[dict]) -> None:
    dataset = context.request_payload["dataset"]
    manifest = await context.run("plan-export", lambda: export_call("/plan", {"dataset": dataset}))
    for part in manifest["parts"]:
        if part["rows"] == 0:
            continue
        await context.run("export-part", lambda part=part: export_call("/parts", part))
    if context.request_payload.get("notify", True):
        await context.run("notify-owner", lambda: export_call("/notify", {"dataset": dataset}))


async def on_build_failed(ctx: AsyncWorkflowContext[dict], status: int, body: str, headers: dict) -> None:
    failed_at = datetime.now(timezone.utc)
    if status < 500 and random.random() < 0.5:
        log.info("sampled out failure alert at %s", failed_at)
        return
    async with httpx.AsyncClient(timeout=5) as client:
        await client.post(ALERTS_URL, json={"run": ctx.workflow_run_id, "status": status, "at": failed_at.isoformat()})
    incident = open_incident(ctx, status)
    log.error("export %s failed (%s): %s", ctx.workflow_run_id, incident, body)


def open_incident(ctx, status: int) -> str:
    incident_id = uuid.uuid4().hex
    requests.post(f"{ALERTS_URL}/incidents", json={"id": incident_id, "run": ctx.workflow_run_id, "status": status}, timeout=5)
    return incident_id


def refresh_views(context: WorkflowContext[dict]) -> None:
    views = context.request_payload["views"]
    for view in views:
        result = context.run("refresh-view", lambda view=view: export_call_sync("/views/refresh", {"view": view}))
        if result.get("stale"):
            context.sleep("let-replicas-catch-up", 120)
            context.run("refresh-view-again", lambda view=view: export_call_sync("/views/refresh", {"view": view}))


def record_refresh_failure(context: WorkflowContext[dict], status: int, response: str, headers: dict) -> None:
    started = time.monotonic()
    with sqlite3.connect(FAILURES_DB) as conn:
        conn.execute(
            "INSERT INTO failures(run_id, status, at) VALUES (?, ?, ?)",
            (context.workflow_run_id, status, time.time()),
        )
    log.warning("recorded refresh failure in %.3fs", time.monotonic() - started)


ON_EXPORT_FAILURE = record_refresh_failure


def quarantine_dataset(
    context: WorkflowContext[dict],
    fail_status: int,
    fail_response: str,
    fail_headers: dict,
) -> None:
    """Failure handler kept for the legacy exporter, which registers it itself."""
    if datetime.now(timezone.utc).weekday() >= 5:
        log.info("weekend: leaving dataset for Monday")
        return
    with sqlite3.connect(FAILURES_DB) as conn:
        conn.execute("INSERT INTO quarantine(run_id) VALUES (?)", (context.workflow_run_id,))
    requests.post(f"{EXPORT_API}/quarantine", json={"status": fail_status}, timeout=5)


build_export_handler = async_serve(route_function=build_export, failure_function=on_build_failed)["handler"]
refresh_views_handler = serve(refresh_views, failure_function=ON_EXPORT_FAILURE)["handler"]
