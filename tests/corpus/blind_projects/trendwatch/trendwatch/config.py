# shapes: settings read from environment variables (not a source) behind functools.lru_cache, and a context type alias declared here and used as the annotation in routes.py; no workflow function (no findings)
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field

from upstash_workflow import AsyncWorkflowContext

TrendContext = AsyncWorkflowContext[dict]


@dataclass(frozen=True)
class Settings:
    environment: str
    trend_token: str
    watchlist_key: str
    window_hours: int = 6
    quiet_start: int = 22
    quiet_end: int = 7
    weights: dict[str, float] = field(default_factory=dict)


def _parse_weights(raw: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    for part in filter(None, raw.split(",")):
        name, _, value = part.partition("=")
        weights[name.strip()] = float(value or "1.0")
    return weights


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings(
        environment=os.environ.get("APP_ENV", "dev"),
        trend_token=os.environ["TREND_TOKEN"],
        watchlist_key=os.environ.get("WATCHLIST_KEY", "default"),
        window_hours=int(os.getenv("TREND_WINDOW_HOURS", "6")),
        quiet_start=int(os.getenv("QUIET_START", "22")),
        quiet_end=int(os.getenv("QUIET_END", "7")),
        weights=_parse_weights(os.getenv("TREND_WEIGHTS", "")),
    )
