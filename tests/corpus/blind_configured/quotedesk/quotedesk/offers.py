# shapes: renewal offers and charges (no SDK): the clock and requests read freely; used only inside steps
from datetime import datetime, timezone

import requests

PRICING_URL = "https://pricing.internal/api"


def build_offer(policy_id: str) -> dict:
    resp = requests.get(f"{PRICING_URL}/renewals/{policy_id}", timeout=10)
    data = resp.json()
    return {
        "eligible": bool(data.get("eligible")),
        "premium": float(data.get("premium", 0)),
        "priced_at": datetime.now(timezone.utc).isoformat(),
    }


def charge_renewal(policy_id: str, premium: float) -> dict:
    resp = requests.post(f"{PRICING_URL}/charges", json={"policy": policy_id, "amount": premium}, timeout=15)
    return {"status": resp.status_code}
