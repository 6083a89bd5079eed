# shapes: 5 labels. Flask Serve(app), a build route and a weekly digest route sharing helpers; a module-level redis cache read at the top of the build route followed by an early return (103, 104); a utcnow() timestamp made before the first step and put into a step's payload (101); a nested step def returning a dict that holds a set comprehension (204); a render retry loop with time.sleep between context.call attempts (107). Fine: a pure cache-key helper, loops of steps over step results, functools.partial steps, redis and requests inside steps, a clock helper whose value reaches only logging and sleep_until, date.today() inside a step
"""Report builder workflows (analytics platform)."""
import functools
import json
import logging
import os
import time
from datetime import date, datetime, timedelta, timezone

import redis
import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("analytics.reports")

app = Flask(__name__)
serve = Serve(app)

REPORTS_API = os.environ.get("REPORTS_API", "https://reports.internal/api")
RENDERER_URL = os.environ.get("RENDERER_URL", "https://renderer.internal/render")
MAILER_URL = os.environ.get("MAILER_URL", "https://mailer.internal/send")
RENDER_ATTEMPTS = 3
RENDER_BACKOFF_SECONDS = 5
CACHE_TTL = 3600

report_cache = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379, db=2)


def report_cache_key(report_id: str, fmt: str) -> str:
    return f"report:{report_id}:{fmt}"


def load_report_spec(report_id: str) -> dict:
    resp = requests.get(f"{REPORTS_API}/reports/{report_id}", timeout=10)
    resp.raise_for_status()
    return resp.json()


def record_request(report_id: str, requested_at: str, requested_by: str | None) -> dict:
    resp = requests.post(
        f"{REPORTS_API}/reports/{report_id}/requests",
        json={"requested_at": requested_at, "requested_by": requested_by},
        timeout=10,
    )
    resp.raise_for_status()
    return {"request_id": resp.json()["id"]}


def resolve_column(column: dict) -> dict:
    source = column.get("source") or column["name"].split(".")[0]
    return {"name": column["name"], "source": source, "agg": column.get("agg", "sum")}


def fetch_source_rows(source: str, filters: dict) -> list[dict]:
    resp = requests.post(f"{REPORTS_API}/sources/{source}/query", json=filters, timeout=60)
    resp.raise_for_status()
    return resp.json()["rows"]


def store_report(report_id: str, document: dict) -> dict:
    resp = requests.put(f"{REPORTS_API}/reports/{report_id}/document", json=document, timeout=30)
    resp.raise_for_status()
    return {"url": resp.json()["url"]}


def next_monday_morning() -> datetime:
    now = datetime.now(timezone.utc)
    days_ahead = (7 - now.weekday()) % 7 or 7
    return (now + timedelta(days=days_ahead)).replace(hour=9, minute=0, second=0, microsecond=0)


def team_reports(team: str) -> list[dict]:
    since = date.today() - timedelta(days=7)
    resp = requests.get(f"{REPORTS_API}/teams/{team}/reports", params={"since": since.isoformat()}, timeout=20)
    resp.raise_for_status()
    return [{"id": r["id"], "title": r["title"], "url": r["url"]} for r in resp.json()["reports"]]


@serve.route("/workflows/reports/build")
def build_report(context: WorkflowContext[dict]) -> None:
    req = context.request_payload
    report_id = req["report_id"]
    fmt = req.get("format", "pdf")
    cache_key = report_cache_key(report_id, fmt)
    cached = report_cache.get(cache_key)  # expect: UWF103
    if cached:
        log.info("report %s (%s) served from cache", report_id, fmt)
        return  # expect: UWF104
    requested_at = datetime.utcnow().isoformat()  # expect: UWF101

    spec = context.run("load-spec", functools.partial(load_report_spec, report_id))
    context.run("record-request", lambda: record_request(report_id, requested_at, req.get("requested_by")))

    def _resolve_columns():
        columns = [resolve_column(c) for c in spec["columns"]]
        return {"columns": columns, "sources": {c["source"] for c in columns}}  # expect: UWF204

    resolved = context.run("resolve-columns", _resolve_columns)
    datasets = {}
    for source in sorted(resolved["sources"]):
        datasets[source] = context.run(
            f"fetch-{source}",
            functools.partial(fetch_source_rows, source, spec.get("filters", {})),
        )
        log.info("report %s: %d rows from %s", report_id, len(datasets[source]), source)

    rendered = None
    for attempt in range(RENDER_ATTEMPTS):
        response = context.call(
            f"render-{attempt}",
            url=RENDERER_URL,
            method="POST",
            body={"report": report_id, "format": fmt, "columns": resolved["columns"], "data": datasets},
        )
        if response.status_code == 200:
            rendered = response.body
            break
        log.warning("render attempt %s for %s failed with %s", attempt, report_id, response.status_code)
        time.sleep(RENDER_BACKOFF_SECONDS)  # expect: UWF107

    if rendered is None:
        context.run("mark-failed", lambda: requests.post(f"{REPORTS_API}/reports/{report_id}/failed", timeout=10).status_code)
        return

    stored = context.run("store-report", lambda: store_report(report_id, rendered))
    context.run("warm-cache", lambda: report_cache.set(cache_key, json.dumps(stored), ex=CACHE_TTL))
    log.info("report %s stored at %s", report_id, stored["url"])


@serve.route("/workflows/reports/weekly-digest")
def weekly_digest(context: WorkflowContext[dict]) -> None:
    team = context.request_payload["team"]
    recipients = context.request_payload.get("recipients", [])
    if not recipients:
        log.info("digest for %s has no recipients", team)
        return

    wake_at = next_monday_morning()
    log.info("digest for %s sleeps until %s", team, wake_at)
    context.sleep_until("wait-for-monday", wake_at)

    reports = context.run("collect-reports", functools.partial(team_reports, team))
    if not reports:
        context.run("send-empty-digest", lambda: requests.post(MAILER_URL, json={"to": recipients, "template": "digest-empty"}, timeout=10).status_code)
        return

    for index, start in enumerate(range(0, len(recipients), 20)):
        chunk = recipients[start:start + 20]
        context.run(
            f"send-digest-{index}",
            lambda chunk=chunk: requests.post(
                MAILER_URL,
                json={"to": chunk, "template": "digest", "reports": reports},
                timeout=10,
            ).status_code,
        )
