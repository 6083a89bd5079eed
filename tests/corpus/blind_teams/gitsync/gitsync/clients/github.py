# shapes: HTTP client wrapper without the SDK: a module-level httpx.Client built from an env token at import time, and functions that use it (each one reads an I/O source)
import os

import httpx

GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN", "")

_http = httpx.Client(
    base_url="https://api.github.com",
    headers={"Authorization": f"Bearer {GITHUB_TOKEN}", "Accept": "application/vnd.github+json"},
    timeout=10.0,
)


def get_repo(full_name: str) -> dict:
    resp = _http.get(f"/repos/{full_name}")
    resp.raise_for_status()
    return resp.json()


def get_readme(full_name: str) -> str:
    resp = _http.get(f"/repos/{full_name}/readme", headers={"Accept": "application/vnd.github.raw"})
    return resp.text


def list_open_prs(full_name: str) -> list[dict]:
    resp = _http.get(f"/repos/{full_name}/pulls", params={"state": "open", "per_page": 100})
    resp.raise_for_status()
    return [
        {
            "number": pr["number"],
            "title": pr["title"],
            "author": pr["user"]["login"],
            "age_days": pr.get("age_days", 0),
        }
        for pr in resp.json()
    ]


def list_labels(full_name: str) -> list[dict]:
    return _http.get(f"/repos/{full_name}/labels").json()


def close_pr(full_name: str, number: int, reviewer: str) -> int:
    _http.post(
        f"/repos/{full_name}/issues/{number}/comments",
        json={"body": f"Closing as stale. cc @{reviewer}"},
    )
    resp = _http.patch(f"/repos/{full_name}/pulls/{number}", json={"state": "closed"})
    return resp.status_code


def post_comment(full_name: str, body: str) -> int:
    resp = _http.post(f"/repos/{full_name}/issues/1/comments", json={"body": body})
    return resp.status_code
