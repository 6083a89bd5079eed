# shapes: payment-provider module that never imports the SDK (requests I/O in every function, no findings here); current_fx_rate is called from orchestration code in workflows.py as billing.current_fx_rate()
from __future__ import annotations

import os

import requests

PAYMENTS_API = os.environ.get("PAYMENTS_API", "https://payments.internal.example.com")
ACCOUNTING_API = os.environ.get("ACCOUNTING_API", "https://accounting.internal.example.com")
FX_API = "https://fx.internal.example.com/latest"

_session = requests.Session()
_session.headers["Authorization"] = f"Bearer {os.environ.get('PAYMENTS_TOKEN', '')}"


def charge_card(customer_id: str, amount: str, idempotency_key: str) -> dict:
    resp = _session.post(
        f"{PAYMENTS_API}/charges",
        json={"customer": customer_id, "amount": amount},
        headers={"Idempotency-Key": idempotency_key},
        timeout=20,
    )
    resp.raise_for_status()
    body = resp.json()
    return {"id": body["id"], "status": body["status"]}


def refund_charge(charge_id: str, amount: float) -> dict:
    resp = _session.post(f"{PAYMENTS_API}/charges/{charge_id}/refunds", json={"amount": amount}, timeout=20)
    resp.raise_for_status()
    return {"refund_id": resp.json()["id"], "charge_id": charge_id, "amount": amount}


def notify_accounting(refund: dict) -> dict:
    resp = requests.post(f"{ACCOUNTING_API}/refunds", json=refund, timeout=10)
    resp.raise_for_status()
    return {"accepted": resp.status_code == 202}


def current_fx_rate(currency: str) -> float:
    resp = requests.get(FX_API, params={"base": "USD", "symbols": currency}, timeout=5)
    resp.raise_for_status()
    return float(resp.json()["rates"][currency])
