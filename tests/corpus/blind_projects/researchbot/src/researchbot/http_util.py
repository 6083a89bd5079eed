# shapes: bottom of a three-module chain (api -> search -> http_util -> httpx.get); never imports the SDK (no findings)
from __future__ import annotations

import httpx

DEFAULT_HEADERS = {"User-Agent": "researchbot/0.1 (+https://researchbot.example.com)"}


def fetch_json(url: str, params: dict | None = None) -> dict:
    resp = httpx.get(url, params=params, headers=DEFAULT_HEADERS, timeout=15.0, follow_redirects=True)
    resp.raise_for_status()
    return resp.json()


def fetch_text(url: str, limit: int = 20000) -> str:
    resp = httpx.get(url, headers=DEFAULT_HEADERS, timeout=30.0, follow_redirects=True)
    resp.raise_for_status()
    return resp.text[:limit]


def post_json(url: str, payload: dict) -> dict:
    resp = httpx.post(url, json=payload, headers=DEFAULT_HEADERS, timeout=30.0)
    resp.raise_for_status()
    return resp.json()
