# shapes: step factories returning an inner async def or a functools.partial (not eager when called as run's argument), and plain functions returning dicts (eager when called as run's argument); never imports the SDK (no findings)
from __future__ import annotations

import functools

import httpx

from orderflow.deps import warehouse

PAYMENTS_URL = "https://payments.internal.example.com/v1/captures"
NOTIFY_URL = "https://notify.internal.example.com/v1/events"


def make_reserve_step(order: dict):
    async def _reserve() -> dict:
        resp = await warehouse.post("/reservations", json={"order_id": order["id"], "lines": order["lines"]})
        resp.raise_for_status()
        return resp.json()

    return _reserve


def capture_payment(order_id: str, amount_cents: int) -> dict:
    resp = httpx.post(PAYMENTS_URL, json={"order_id": order_id, "amount": amount_cents}, timeout=20)
    resp.raise_for_status()
    return {"capture_id": resp.json()["id"], "amount": amount_cents}


def make_capture_step(order: dict, quote: dict):
    return functools.partial(capture_payment, order["id"], quote["total"])


def reserve_inventory(payload: dict) -> dict:
    resp = httpx.post("https://warehouse.internal.example.com/reservations", json=payload, timeout=10)
    resp.raise_for_status()
    return {"reservation_id": resp.json()["id"]}


def confirm_reservation(reservation: dict) -> dict:
    resp = httpx.post(f"https://warehouse.internal.example.com/reservations/{reservation['reservation_id']}/confirm", timeout=10)
    resp.raise_for_status()
    return {"confirmed": True}


def release_stock(order_id: str) -> dict:
    resp = httpx.delete(f"https://warehouse.internal.example.com/reservations/by-order/{order_id}", timeout=10)
    return {"order_id": order_id, "released": resp.status_code in (200, 204, 404)}


def notify_warehouse(order_id: str) -> dict:
    httpx.post(NOTIFY_URL, json={"topic": "warehouse", "order_id": order_id}, timeout=5).raise_for_status()
    return {"notified": "warehouse"}


def notify_customer(order_id: str) -> dict:
    httpx.post(NOTIFY_URL, json={"topic": "customer", "order_id": order_id}, timeout=5).raise_for_status()
    return {"notified": "customer"}


def list_pending_orders() -> list[str]:
    resp = httpx.get("https://warehouse.internal.example.com/orders", params={"status": "pending"}, timeout=10)
    resp.raise_for_status()
    return [row["id"] for row in resp.json()["orders"]]


async def create_label(order_id: str) -> dict:
    resp = await warehouse.post("/labels", json={"order_id": order_id})
    resp.raise_for_status()
    return resp.json()


def send_shipping_report(tracking_numbers: list[str]) -> dict:
    httpx.post(NOTIFY_URL, json={"topic": "ops", "tracking": tracking_numbers}, timeout=5).raise_for_status()
    return {"shipped": len(tracking_numbers)}
