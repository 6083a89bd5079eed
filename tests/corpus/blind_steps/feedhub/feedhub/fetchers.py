# shapes: no SDK; step functions and factories that pipeline.py and alerts.py import: zero-parameter async and sync defs, a def with only *args, an async def with only a keyword-only default, a module-level functools.partial binding every parameter, defs with required parameters (used through partials and lambdas), factories returning a nested async def and a lambda, helpers returning a dataclass, a pydantic model, a datetime, a set, a NamedTuple, a TypedDict and a dict subclass; reads httpx, sqlite3, random and the clock freely
import functools
import random
import sqlite3
from collections import Counter
from datetime import datetime, timezone

import httpx

from feedhub.shapes import Card, Digest, FeedSummary, KindCount, Meta

SOURCES_URL = "https://sources.example.net/v2"
DB_PATH = "/var/lib/feedhub/feeds.db"


async def fetch_sources() -> list:
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.get(f"{SOURCES_URL}/items")
        return resp.json()["items"]


def load_config(locale: str = "en") -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute("SELECT key, value FROM config WHERE locale = ?", (locale,)).fetchall()
    return dict(rows)


def warm_cache(*regions: str) -> dict:
    for region in regions or ("eu", "us"):
        httpx.post(f"{SOURCES_URL}/cache/{region}/warm", timeout=10)
    return {"warmed": list(regions)}


async def refresh_index(*, full: bool = False) -> dict:
    async with httpx.AsyncClient(timeout=60) as client:
        resp = await client.post(f"{SOURCES_URL}/index", params={"full": full})
        return {"status": resp.status_code}


def _load_latest(feed: str, limit: int) -> list:
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute("SELECT id, kind, title FROM items WHERE feed = ? LIMIT ?", (feed, limit)).fetchall()
    return [{"id": r[0], "kind": r[1], "title": r[2]} for r in rows]


load_latest = functools.partial(_load_latest, "main", 50)


def normalise(sources: list, locale: str) -> list:
    return [{"id": s["id"], "kind": s.get("kind", "post"), "title": s["title"].strip(), "locale": locale} for s in sources]


def stamp_batch(feed_id: str, requested_at: str) -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("INSERT INTO batches VALUES (?, ?)", (feed_id, requested_at))
    return {"feed_id": feed_id, "requested_at": requested_at}


def sample_items(items: list, seed: float) -> list:
    rng = random.Random(seed)
    return rng.sample(items, k=min(10, len(items)))


def build_digest(items: list) -> Digest:
    headline = items[0]["title"] if items else ""
    return Digest(feed_id=items[0]["id"] if items else "", item_count=len(items), headline=headline)


def publish_time(feed_id: str) -> datetime:
    return datetime.now(timezone.utc)


def render_card(digest: dict, published_at: str) -> Card:
    return Card(title=digest["headline"], body=f"{digest['item_count']} new items", published_at=published_at)


def count_by_kind(items: list) -> KindCount:
    kind, count = Counter(item["kind"] for item in items).most_common(1)[0]
    return KindCount(kind, count)


def tags_of(items: list) -> set:
    return {item["kind"] for item in items}


def summary_of(feed_id: str, items: list) -> FeedSummary:
    return FeedSummary(feed_id=feed_id, items=len(items))


def meta_for(feed_id: str) -> Meta:
    return Meta(feed_id=feed_id, source="feedhub")


def archiver_for(feed_id: str):
    async def _archive() -> dict:
        async with httpx.AsyncClient(timeout=30) as client:
            resp = await client.post(f"{SOURCES_URL}/archive/{feed_id}")
            return {"archived": resp.status_code == 200}

    return _archive


def _notify_subscribers(feed_id: str, headline: str) -> dict:
    resp = httpx.post(f"{SOURCES_URL}/notify", json={"feed": feed_id, "headline": headline}, timeout=10)
    return {"status": resp.status_code}


def notifier_for(feed_id: str, digest: dict):
    return lambda: _notify_subscribers(feed_id, digest["headline"])


def post_announcement(feed_id: str) -> dict:
    resp = httpx.post(f"{SOURCES_URL}/announce", json={"feed": feed_id}, timeout=10)
    return {"status": resp.status_code}


def record_run(summary: dict, meta: dict, tags: list, top_kind: list, card: dict) -> dict:
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("INSERT INTO runs VALUES (?, ?)", (summary["feed_id"], card["title"]))
    return {"feed_id": summary["feed_id"], "tags": tags, "top": top_kind, "meta": meta}


def plan_backfill(feed_id: str, days: int) -> list:
    return [f"{feed_id}-d{n}" for n in range(days)]


async def fetch_day(feed_id: str, day: str) -> list:
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.get(f"{SOURCES_URL}/items", params={"feed": feed_id, "day": day})
        return resp.json()["items"]


def finalise(feed_id: str, days: list) -> dict:
    return {"feed_id": feed_id, "days": len(days)}
