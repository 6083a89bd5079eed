# shapes: no SDK; step functions and step factories that workflows.py imports: zero-parameter async and sync defs, a def with only a defaulted parameter, defs with required parameters, an async def with required parameters, factories returning a functools.partial and a nested async def, pure functions returning a dict or a str, a pure async def, and helpers returning a set comprehension, a dataclass, a pydantic model, a datetime, a Decimal, bytes, a NamedTuple and a TypedDict; reads httpx, sqlite3 and the clock freely
import csv
import functools
import io
import sqlite3
from datetime import datetime, timezone
from decimal import Decimal

import httpx

from shelfsync.models import Quote, SkuCount, StockLevel, SyncSummary

FEED_URL = "https://feeds.example.com/stock"
DB_PATH = "/var/lib/shelfsync/stock.db"
PRICE_BOOKS = {
    "eu": {"currency": "EUR", "vat": 21},
    "us": {"currency": "USD", "vat": 0},
}


async def pull_feed() -> list:
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.get(FEED_URL)
        resp.raise_for_status()
        return resp.json()["rows"]


def rebuild_index(full: bool = False) -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("REINDEX stock" if full else "ANALYZE stock")
    return {"full": full}


def reconcile_counts(feed: list) -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        known = dict(conn.execute("SELECT sku, on_hand FROM stock").fetchall())
    drift = [row["sku"] for row in feed if known.get(row["sku"]) != row["on_hand"]]
    return {"drift": drift, "checked": len(feed)}


async def reserve_bins(sku: str, qty: int) -> dict:
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(f"{FEED_URL}/{sku}/reserve", json={"qty": qty})
        return {"sku": sku, "qty": qty, "status": resp.status_code}


def _load_region(region: str) -> list:
    resp = httpx.get(f"{FEED_URL}?region={region}", timeout=30)
    resp.raise_for_status()
    return resp.json()["rows"]


def loader_for(region: str):
    return functools.partial(_load_region, region)


def make_pusher(sku: str, qty: int):
    async def _push() -> dict:
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.post(f"{FEED_URL}/{sku}", json={"qty": qty})
            return {"sku": sku, "status": resp.status_code}

    return _push


def apply_counts(rows: list) -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        conn.executemany(
            "UPDATE stock SET on_hand = ? WHERE sku = ?",
            [(row["on_hand"], row["sku"]) for row in rows],
        )
    return {"updated": len(rows)}


def tag_batch(rows: list, requested_at: str) -> dict:
    return {"rows": len(rows), "requested_at": requested_at}


def send_alert(sku: str) -> dict:
    resp = httpx.post(f"{FEED_URL}/alerts", json={"sku": sku}, timeout=10)
    return {"sku": sku, "status": resp.status_code}


def summarize(rows: list) -> dict:
    return {"rows": len(rows), "on_hand": sum(row["on_hand"] for row in rows)}


def render_pick_list(rows: list) -> str:
    return "\n".join(f"{row['sku']}\t{row['on_hand']}" for row in rows)


async def fetch_price_book(region: str) -> dict:
    return dict(PRICE_BOOKS.get(region, PRICE_BOOKS["eu"]))


def distinct_skus(rows: list) -> set:
    return {row["sku"] for row in rows}


def _list_price(sku: str) -> int:
    with sqlite3.connect(DB_PATH) as conn:
        (cents,) = conn.execute("SELECT price_cents FROM prices WHERE sku = ?", (sku,)).fetchone()
    return cents


def stock_for(sku: str) -> StockLevel:
    with sqlite3.connect(DB_PATH) as conn:
        on_hand, reserved = conn.execute(
            "SELECT on_hand, reserved FROM stock WHERE sku = ?", (sku,)
        ).fetchone()
    return StockLevel(sku=sku, on_hand=on_hand, reserved=reserved)


def quote_for(sku: str, qty: int) -> Quote:
    return Quote(sku=sku, qty=qty, unit_price_cents=_list_price(sku))


def unit_cost(sku: str) -> Decimal:
    cents = _list_price(sku)
    return Decimal(f"{cents // 100}.{cents % 100:02d}")


def synced_at() -> datetime:
    return datetime.now(timezone.utc)


def export_csv_bytes(rows: list) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["sku", "on_hand"])
    writer.writeheader()
    for row in rows:
        writer.writerow({"sku": row["sku"], "on_hand": row["on_hand"]})
    return buf.getvalue().encode("utf-8")


def top_sku(rows: list) -> SkuCount:
    best = max(rows, key=lambda row: row["on_hand"])
    return SkuCount(best["sku"], best["on_hand"])


def sync_summary(region: str, rows: list) -> SyncSummary:
    return SyncSummary(region=region, rows=len(rows))
