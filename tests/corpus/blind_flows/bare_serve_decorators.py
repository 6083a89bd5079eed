# shapes: bare @serve on sync defs (the names become {"handler": ...} dicts mounted with add_url_rule); random.sample as the iterable of a for/else that makes steps (102, 105, and no 106 for the probe step named after the loop target); an async def under bare @serve (304) whose nested async def step runs on its sync context (205); fine: a for/else with break on step results, a string sleep duration, a context-annotated failure function recognised by its fail_status/fail_response/fail_headers parameters that reads the clock, random and requests
import logging
import os
import random
from datetime import datetime, timezone

import httpx
import requests
from flask import Flask
from upstash_workflow import WorkflowContext, serve

log = logging.getLogger("ops")

app = Flask(__name__)

STATUS_API = os.environ.get("STATUS_API", "https://status.internal")
LEDGER_API = os.environ.get("LEDGER_API", "https://ledger.internal")
PAGER_URL = os.environ.get("PAGER_URL", "https://pager.internal/alerts")
REGIONS = ["eu-west-1", "us-east-1", "ap-southeast-2", "sa-east-1"]


def probe(region: str) -> dict:
    resp = requests.get(f"{STATUS_API}/probe/{region}", timeout=5)
    return {"region": region, "latency_ms": resp.elapsed.total_seconds() * 1000, "ok": resp.ok}


def open_incident(region: str, result: dict) -> dict:
    resp = requests.post(f"{STATUS_API}/incidents", json={"region": region, **result}, timeout=5)
    return {"incident": resp.json()["id"]}


def record_all_clear() -> dict:
    resp = requests.post(f"{STATUS_API}/all-clear", timeout=5)
    return {"status": resp.status_code}


def list_accounts(day: str) -> list:
    return requests.get(f"{LEDGER_API}/accounts", params={"day": day}, timeout=10).json()


def reconcile(day: str, account: str) -> dict:
    return requests.post(f"{LEDGER_API}/reconcile", json={"day": day, "account": account}, timeout=30).json()


def flag(day: str, account: str) -> None:
    requests.post(f"{LEDGER_API}/flags", json={"day": day, "account": account}, timeout=10)


def mark_clean(day: str) -> None:
    requests.post(f"{LEDGER_API}/days/{day}/clean", timeout=10)


def publish(day: str) -> None:
    requests.post(f"{LEDGER_API}/days/{day}/publish", timeout=10)


@serve
def canary_sweep(context: WorkflowContext[dict]) -> None:
    threshold = context.request_payload.get("max_latency_ms", 800)
    for region in random.sample(REGIONS, k=2):  # expect: UWF102, UWF105
        result = context.run(f"probe-{region}", lambda: probe(region))
        if result["latency_ms"] > threshold:
            context.run("open-incident", lambda: open_incident(region, result))
            break
    else:
        context.run("all-clear", record_all_clear)


@serve
def nightly_reconcile(context: WorkflowContext[dict]) -> None:
    day = context.request_payload["day"]
    accounts = context.run("list-accounts", lambda: list_accounts(day))
    for account in accounts:
        totals = context.run("reconcile-account", lambda account=account: reconcile(day, account))
        if totals["mismatch"]:
            context.run("flag-mismatch", lambda account=account: flag(day, account))
            break
    else:
        context.run("mark-clean", lambda: mark_clean(day))
    context.sleep("settle", "1h")
    context.run("publish", lambda: publish(day))


@serve
async def warm_caches(context: WorkflowContext[dict]) -> None:  # expect: UWF304
    keys = context.request_payload["keys"]

    async def _warm() -> int:
        async with httpx.AsyncClient(timeout=10) as client:
            for key in keys:
                await client.post(f"{STATUS_API}/cache/warm", json={"key": key})
        return len(keys)

    await context.run("warm-keys", _warm)  # expect: UWF205


def report_failure(
    context: WorkflowContext[dict],
    fail_status: int,
    fail_response: str,
    fail_headers: dict,
) -> None:
    """Shared failure handler; the ops service passes it as failure_function=."""
    failed_at = datetime.now(timezone.utc).isoformat()
    if fail_status >= 500 or random.random() < 0.1:
        requests.post(PAGER_URL, json={"at": failed_at, "status": fail_status, "body": fail_response}, timeout=5)
        return
    log.warning("workflow %s failed: %s", context.workflow_run_id, fail_response)


app.add_url_rule("/canary/sweep", endpoint="canary_sweep", view_func=canary_sweep["handler"], methods=["POST"])
app.add_url_rule("/reconcile/nightly", endpoint="nightly", view_func=nightly_reconcile["handler"], methods=["POST"])
app.add_url_rule("/caches/warm", endpoint="warm_caches", view_func=warm_caches["handler"], methods=["POST"])
