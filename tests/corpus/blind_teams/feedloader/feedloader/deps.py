# shapes: FastAPI-style dependency providers without the SDK: an lru_cache'd get_settings() reading os.environ, get_http() returning a module-level httpx.AsyncClient, a module-level upstash_redis flags client, a boto3 table, and I/O functions (httpx, dynamodb, redis)
import functools
import os
from dataclasses import dataclass

import boto3
import httpx
from upstash_redis import Redis


@dataclass(frozen=True)
class Settings:
    default_feeds: tuple[str, ...]
    batch_size: int
    table_name: str


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings(
        default_feeds=tuple(u for u in os.environ.get("FEEDS", "").split(",") if u),
        batch_size=int(os.environ.get("BATCH_SIZE", "50")),
        table_name=os.environ.get("ENTRIES_TABLE", "feed-entries"),
    )


_http = httpx.AsyncClient(timeout=10.0, headers={"User-Agent": "feedloader/0.1"})
flags = Redis.from_env()
_table = boto3.resource("dynamodb").Table(os.environ.get("ENTRIES_TABLE", "feed-entries"))


def get_http() -> httpx.AsyncClient:
    return _http


def download(url: str) -> str:
    resp = httpx.get(url, timeout=15.0, follow_redirects=True)
    resp.raise_for_status()
    return resp.text


async def fetch_etag(url: str) -> str:
    resp = await _http.head(url)
    return resp.headers.get("etag", "")


def store_entries(entries: list[dict]) -> int:
    with _table.batch_writer() as batch:
        for entry in entries:
            batch.put_item(Item=entry)
    return len(entries)


def list_hubs() -> list[str]:
    return [h for h in os.environ.get("WEBSUB_HUBS", "").split(",") if h]


def record_total(total: int) -> bool:
    return bool(flags.set("feedloader:last-total", total))


def warm(url: str) -> int:
    return httpx.get(f"https://cache.internal/warm?url={url}", timeout=30.0).status_code
