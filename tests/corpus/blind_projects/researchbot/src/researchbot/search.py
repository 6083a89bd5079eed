# shapes: middle of the chain: search and index helpers built on http_util (never imports the SDK, no findings)
from __future__ import annotations

from researchbot.http_util import fetch_json, fetch_text, post_json

SEARCH_API = "https://search.internal.example.com/v1/query"
INDEX_API = "https://index.internal.example.com/v1"


def top_result_urls(topic: str, limit: int = 5) -> list[str]:
    data = fetch_json(SEARCH_API, {"q": topic, "n": limit})
    return [hit["url"] for hit in data["hits"]][:limit]


def fetch_pages(topic: str) -> list[dict]:
    return [{"url": url, "text": fetch_text(url)} for url in top_result_urls(topic)]


def store_page(url: str) -> dict:
    stored = post_json(f"{INDEX_API}/pages", {"url": url, "text": fetch_text(url)})
    return {"url": url, "page_id": stored["id"]}


def publish_report(draft: dict) -> dict:
    published = post_json(f"{INDEX_API}/reports", draft)
    return {"report_id": published["id"], "title": draft["title"]}


def rebuild_index(index: str) -> dict:
    result = post_json(f"{INDEX_API}/indexes/{index}/rebuild", {"mode": "full"})
    return {"index": index, "documents": result["documents"]}
