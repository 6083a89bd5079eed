# shapes: no SDK. Prefect flows and tasks: datetime.now and random jitter deciding branches, uuid4 run keys in task names, time.sleep and asyncio.sleep retries, try/except Exception around task calls, asyncio.gather of tasks, a nested task call inside a task, a float sleep, a get_run_context() `context` with .run-like attributes, a local StepRunner with run/sleep/call methods taking step names, redis and requests reads at the top of a flow with early returns, and prefect's own serve() of deployments
"""Nightly ETL on Prefect 2.

We moved these jobs off the Upstash Workflow prototype in Q3 (see DATA-412);
the step names below are kept so the dashboards keep working.
"""
import asyncio
import logging
import random
import time
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

import redis
import requests
from prefect import flow, get_run_logger, serve, task
from prefect.context import get_run_context
from prefect.tasks import task_input_hash

SOURCE_API = "https://crm.internal/api"
WAREHOUSE_API = "https://warehouse.internal/api"

cache = redis.Redis(host="localhost", port=6379, db=3)
std_log = logging.getLogger("etl.nightly")


class StepRunner:
    """Tiny helper so the flows read like the old workflow code."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.results: dict[str, Any] = {}

    def run(self, step_name: str, fn: Callable[[], Any]) -> Any:
        if step_name not in self.results:
            self.results[step_name] = fn()
        return self.results[step_name]

    def sleep(self, step_name: str, seconds: float) -> None:
        std_log.info("%s: sleeping %.1fs for %s", self.name, seconds, step_name)
        time.sleep(seconds)

    def call(self, step_name: str, url: str, body: dict | None = None) -> dict:
        return self.run(step_name, lambda: requests.post(url, json=body or {}, timeout=30).json())


@task(retries=3, retry_delay_seconds=10, cache_key_fn=task_input_hash, cache_expiration=timedelta(hours=1))
def extract(entity: str, since: str) -> list[dict]:
    resp = requests.get(f"{SOURCE_API}/{entity}", params={"since": since}, timeout=60)
    resp.raise_for_status()
    return resp.json()["rows"]


@task
def transform(rows: list[dict]) -> list[dict]:
    now = datetime.now(timezone.utc)
    return [{**r, "loaded_at": now.isoformat(), "batch": uuid.uuid4().hex} for r in rows]


@task
def load(entity: str, rows: list[dict]) -> int:
    for attempt in range(5):
        try:
            resp = requests.post(f"{WAREHOUSE_API}/{entity}", json=rows, timeout=120)
            resp.raise_for_status()
            return len(rows)
        except Exception as exc:
            std_log.warning("load %s failed (%s), attempt %s", entity, exc, attempt)
            time.sleep(2 ** attempt + random.random())
    raise RuntimeError(f"could not load {entity}")


@task
def audit(entity: str, count: int) -> None:
    logger = get_run_logger()
    logger.info("audited %s rows of %s", count, entity)
    load.submit(entity, [])


@task
async def refresh_view(view: str) -> str:
    await asyncio.sleep(1.5)
    resp = await asyncio.to_thread(requests.post, f"{WAREHOUSE_API}/views/{view}/refresh", timeout=600)
    return f"{view}:{resp.status_code}"


@flow(name="nightly-entity-sync", log_prints=True)
def sync_entity(entity: str = "accounts") -> int:
    logger = get_run_logger()
    context = get_run_context()
    logger.info("flow run %s for %s", context.flow_run.id, entity)

    last = cache.get(f"etl:last:{entity}")
    if last is None:
        logger.info("first run for %s, doing a full load", entity)
        since = "1970-01-01"
    else:
        since = last.decode()
    if since >= datetime.now(timezone.utc).date().isoformat():
        logger.info("%s already synced today", entity)
        return 0

    run_key = uuid.uuid4().hex[:8]
    rows = extract.with_options(name=f"extract-{entity}-{run_key}")(entity, since)
    if random.random() < 0.05:
        logger.info("sampling %s rows for the quality report", entity)
        audit(entity, len(rows))

    try:
        shaped = transform(rows)
        count = load(entity, shaped)
    except Exception as exc:
        logger.error("entity %s failed: %s", entity, exc)
        return 0

    cache.set(f"etl:last:{entity}", datetime.now(timezone.utc).date().isoformat())
    time.sleep(0.5)
    return count


@flow(name="nightly-views")
async def refresh_views(views: list[str] | None = None) -> list[str]:
    views = views or ["daily_revenue", "active_users", "churn"]
    if datetime.now().hour < 2:
        await asyncio.sleep(300)
    results = await asyncio.gather(*[refresh_view(v) for v in views])
    done, _ = await asyncio.wait([asyncio.create_task(refresh_view("sla"))], timeout=900)
    return list(results) + [t.result() for t in done]


@flow(name="nightly-legacy-steps")
def legacy_steps(entity: str = "contacts") -> dict:
    context = StepRunner(f"legacy-{entity}")
    started = time.time()
    rows = context.run(f"extract-{entity}-{int(started)}", lambda: extract.fn(entity, "1970-01-01"))
    if time.time() - started > 60:
        context.sleep("cool-down", 2.5)
    context.run("nested", lambda: context.run("inner", lambda: len(rows)))
    context.call("notify", url=f"{WAREHOUSE_API}/notify", body={"entity": entity, "at": time.time()})
    return {"rows": len(rows), "seconds": time.time() - started}


if __name__ == "__main__":
    serve(
        sync_entity.to_deployment(name="accounts-nightly", cron="0 1 * * *", parameters={"entity": "accounts"}),
        refresh_views.to_deployment(name="views-nightly", cron="30 2 * * *"),
        legacy_steps.to_deployment(name="legacy-nightly", cron="0 3 * * *"),
    )
