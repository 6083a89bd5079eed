# shapes: module that never imports the SDK: an unannotated helper that makes steps when given the context and reads the clock (via clock.py) before them (reported at its callers), a label helper two modules deep (services -> clock -> datetime.now), a helper that takes the context but makes no step, and HTTP/sqlite helpers used only inside steps (no findings in this file)
from __future__ import annotations

import sqlite3
from datetime import timedelta

import httpx

from trendwatch.clock import current_window, window_bounds

TRENDS_API = "https://trends.internal.example.com/v2/search"
DB_PATH = "/var/lib/trendwatch/watchlist.db"


def load_watchlist(key: str) -> list[str]:
    conn = sqlite3.connect(DB_PATH)
    try:
        rows = conn.execute("SELECT symbol FROM watchlist WHERE list_key = ?", (key,)).fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows]


def fetch_trends(since: str, until: str, topics: list[str]) -> list[dict]:
    resp = httpx.get(TRENDS_API, params={"since": since, "until": until, "q": ",".join(topics)}, timeout=15.0)
    resp.raise_for_status()
    return resp.json()["items"]


def detect_spikes(watchlist_key: str) -> list[dict]:
    topics = load_watchlist(watchlist_key)
    since, until = window_bounds(current_window(), 1)
    items = fetch_trends(since, until, topics)
    return [item for item in items if item.get("change_pct", 0) >= 200]


def score_trends(items: list[dict], weights: dict[str, float]) -> list[dict]:
    ranked = []
    for item in items:
        boost = weights.get(item.get("source", ""), 1.0)
        ranked.append({"topic": item["topic"], "score": round(item["volume"] * boost, 3)})
    ranked.sort(key=lambda row: row["score"], reverse=True)
    return ranked


def store_snapshot(name: str, rows: list) -> dict:
    conn = sqlite3.connect(DB_PATH)
    with conn:
        conn.executemany(
            "INSERT INTO snapshots (name, position, payload) VALUES (?, ?, ?)",
            [(name, pos, repr(row)) for pos, row in enumerate(rows)],
        )
    conn.close()
    return {"snapshot": name, "rows": len(rows)}


def snapshot_label() -> str:
    return current_window().strftime("%Y%m%d%H")


def summarize_request(context) -> dict:
    payload = context.request_payload or {}
    return {"run_id": context.workflow_run_id, "topics": sorted(payload.get("topics", []))}


async def run_trend_refresh(context, settings) -> None:
    start = current_window() - timedelta(hours=settings.window_hours)
    since, until = window_bounds(start, settings.window_hours)
    topics = await context.run("load-watchlist", lambda: load_watchlist(settings.watchlist_key))
    items = await context.run("fetch-trends", lambda: fetch_trends(since, until, topics))
    ranked = score_trends(items, settings.weights)
    await context.run("store-ranking", lambda: store_snapshot("ranking", ranked[:50]))
