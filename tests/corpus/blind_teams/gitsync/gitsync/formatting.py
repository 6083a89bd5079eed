# shapes: deterministic helpers without the SDK (string formatting, arithmetic, json.dumps, a constant read from os.environ at import time), called from orchestration code: no findings anywhere
import json
import os

STALE_AFTER_DAYS = int(os.environ.get("STALE_AFTER_DAYS", "30"))


def slugify(name: str) -> str:
    return name.lower().replace("/", "--").replace(" ", "-")


def repo_key(full_name: str) -> str:
    return f"repo:{slugify(full_name)}:stale-closed"


def stale_cutoff_days() -> int:
    return STALE_AFTER_DAYS


def pr_summary(full_name: str, count: int, labels: list[str]) -> str:
    payload = {"repo": full_name, "open_prs": count, "labels": sorted(labels)}
    return f"Synced {count} pull requests\n```json\n{json.dumps(payload, indent=2)}\n```"


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0
