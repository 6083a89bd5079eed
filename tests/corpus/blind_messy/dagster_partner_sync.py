# shapes: no SDK. Dagster ops, a job, assets, a schedule and a sensor: an OpExecutionContext named context with context.log, context.run_id and context.run; datetime.now, random and uuid4 deciding branches and naming run keys; requests and sqlite3 in ops and at the top of an op with an early return; time.sleep retry loops; try/except Exception; a module-level AsyncWorkflowContext Protocol and a local serve() decorator that only registers functions; a ThreadPoolExecutor fan-out; a Definitions object
"""Partner catalogue sync on Dagster (replaces the cron scripts)."""
import random
import sqlite3
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any, Callable, Protocol

import requests
from dagster import (
    AssetExecutionContext,
    Definitions,
    OpExecutionContext,
    RunRequest,
    ScheduleDefinition,
    SensorEvaluationContext,
    asset,
    job,
    op,
    sensor,
)

PARTNER_API = "https://partner.example.com/v2"
CATALOG_DB = "/data/catalog.sqlite"

REGISTERED: dict[str, Callable[..., Any]] = {}


class AsyncWorkflowContext(Protocol):
    """What our internal step runner exposes; unrelated to any vendor SDK."""

    run_id: str

    async def run(self, step_name: str, fn: Callable[[], Any]) -> Any: ...

    async def sleep(self, step_name: str, seconds: int) -> None: ...


def serve(fn: Callable[..., Any]) -> Callable[..., Any]:
    REGISTERED[fn.__name__] = fn
    return fn


def _fetch_page(page: int) -> dict:
    for attempt in range(4):
        try:
            resp = requests.get(f"{PARTNER_API}/products", params={"page": page}, timeout=30)
            resp.raise_for_status()
            return resp.json()
        except Exception:
            time.sleep(1.5 * (attempt + 1) + random.random())
    raise RuntimeError(f"page {page} unavailable")


@op
def fetch_products(context: OpExecutionContext) -> list[dict]:
    last_sync = sqlite3.connect(CATALOG_DB).execute("SELECT max(synced_at) FROM sync_log").fetchone()[0]
    if last_sync and last_sync[:10] == datetime.now(timezone.utc).date().isoformat():
        context.log.info("already synced today (%s), run %s", last_sync, context.run_id)
        return []
    products: list[dict] = []
    page = 1
    while True:
        data = _fetch_page(page)
        products.extend(data["items"])
        if not data.get("next"):
            break
        page += 1
    context.log.info("fetched %d products in run %s (%s)", len(products), context.run_id, context.run.status)
    return products


@op
def price_products(context: OpExecutionContext, products: list[dict]) -> list[dict]:
    batch = uuid.uuid4().hex
    priced = []
    for p in products:
        markup = 1.15 if random.random() < 0.5 else 1.2
        priced.append({**p, "price": round(p["cost"] * markup, 2), "batch": batch})
    context.log.info("priced %d products in batch %s", len(priced), batch)
    return priced


@op
def store_products(context: OpExecutionContext, products: list[dict]) -> int:
    conn = sqlite3.connect(CATALOG_DB)
    try:
        with conn:
            conn.executemany(
                "INSERT OR REPLACE INTO products (sku, price, batch) VALUES (?, ?, ?)",
                [(p["sku"], p["price"], p["batch"]) for p in products],
            )
            conn.execute("INSERT INTO sync_log (synced_at) VALUES (?)", (datetime.now(timezone.utc).isoformat(),))
    except Exception as exc:
        context.log.error("store failed: %s", exc)
        return 0
    finally:
        conn.close()
    return len(products)


@job
def partner_catalog_sync():
    store_products(price_products(fetch_products()))


@asset
def partner_images(context: AssetExecutionContext) -> dict:
    skus = [row[0] for row in sqlite3.connect(CATALOG_DB).execute("SELECT sku FROM products")]
    with ThreadPoolExecutor(max_workers=8) as pool:
        sizes = list(pool.map(lambda s: len(requests.get(f"{PARTNER_API}/images/{s}", timeout=30).content), skus))
    context.log.info("downloaded %d images at %s", len(sizes), datetime.now().isoformat())
    return {"count": len(sizes), "bytes": sum(sizes)}


@serve
async def reprice_flow(context: AsyncWorkflowContext) -> None:
    if datetime.now().weekday() >= 5:
        await context.sleep("weekend-wait", 3600)
    await context.run(f"reprice-{uuid.uuid4()}", lambda: requests.post(f"{PARTNER_API}/reprice", timeout=60).json())
    await context.run("outer", lambda: context.run("inner", lambda: None))


daily_schedule = ScheduleDefinition(job=partner_catalog_sync, cron_schedule="15 4 * * *")


@sensor(job=partner_catalog_sync, minimum_interval_seconds=300)
def partner_feed_sensor(context: SensorEvaluationContext):
    resp = requests.get(f"{PARTNER_API}/feed/changed", timeout=10)
    if resp.json().get("changed"):
        yield RunRequest(run_key=f"feed-{uuid.uuid4()}-{int(time.time())}")
    else:
        context.update_cursor(datetime.now(timezone.utc).isoformat())


defs = Definitions(
    jobs=[partner_catalog_sync],
    assets=[partner_images],
    schedules=[daily_schedule],
    sensors=[partner_feed_sensor],
)
