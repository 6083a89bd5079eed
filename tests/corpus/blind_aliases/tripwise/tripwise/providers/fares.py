# shapes: module without the SDK; a module-level `httpx.Client` (`live_fare`, I/O); `# wfcheck: deterministic` on the `def` line of `pricing_epoch`, which reads a deployed config file; a pure `apply_markup`
import json
import os
from pathlib import Path

import httpx

_http = httpx.Client(base_url=os.environ.get("FARES_URL", "https://fares.internal"), timeout=8.0)
PRICING_CONFIG = Path(os.environ.get("PRICING_CONFIG", "/etc/tripwise/pricing.json"))


def live_fare(origin: str, destination: str, depart: str) -> dict:
    resp = _http.get("/fares", params={"from": origin, "to": destination, "date": depart})
    resp.raise_for_status()
    body = resp.json()
    return {"fare_id": body["id"], "amount_cents": int(body["amount_cents"]), "currency": body["currency"]}


def pricing_epoch() -> int:  # wfcheck: deterministic
    # The pricing config is baked into the deployment image and never changes while it runs.
    return int(json.loads(PRICING_CONFIG.read_text())["epoch"])


def apply_markup(quote: dict, percent: int) -> dict:
    marked_up = quote["amount_cents"] + quote["amount_cents"] * percent // 100
    return {**quote, "amount_cents": marked_up}
