# shapes: 5 labels. FastAPI Serve(app), a replenish route and a supplier-confirmation route sharing helpers; a functools.lru_cache'd file function over requests called in orchestration (103 at the call); a helper chain ending in sqlite3 iterated by a for loop that makes steps (103+105 at the for, no 106 for the loop-target step name); a workflow helper given the context, called in a loop, that builds a context.call step name from time.strftime without a time argument (101, 106 inside it, nothing at its call) and branches on the call's result. Fine: a conditional expression over the cached catalogue that decides no step, a pure staticmethod in orchestration, the same helpers inside steps, a loop of steps over a step result, a deterministic early return on the payload, an int sleep
"""Inventory replenishment workflows (supply chain)."""
import functools
import logging
import os
import sqlite3
import time
from functools import partial
from typing import Any

import requests
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("supply.replenish")

app = FastAPI(title="replenishment")
serve = Serve(app)

SUPPLIER_API = os.environ.get("SUPPLIER_API", "https://suppliers.internal/api")
PURCHASING_API = os.environ.get("PURCHASING_API", "https://purchasing.internal/api")
STOCK_DB = os.environ.get("STOCK_DB", "/srv/stock/stock.sqlite")
DEFAULT_SUPPLIER = "acme-wholesale"
WAREHOUSES = ("ams-1", "fra-2", "waw-1")


@functools.lru_cache(maxsize=1)
def supplier_catalog() -> dict[str, dict[str, Any]]:
    resp = requests.get(f"{SUPPLIER_API}/catalog", timeout=20)
    resp.raise_for_status()
    return {item["sku"]: item for item in resp.json()["items"]}


def _stock_levels(warehouse_id: str) -> list[tuple[str, int, int]]:
    conn = sqlite3.connect(STOCK_DB)
    try:
        return conn.execute(
            "SELECT sku, on_hand, reorder_point FROM stock WHERE warehouse = ? ORDER BY sku",
            (warehouse_id,),
        ).fetchall()
    finally:
        conn.close()


def skus_below_reorder_point(warehouse_id: str) -> list[str]:
    return [sku for sku, on_hand, reorder_point in _stock_levels(warehouse_id) if on_hand < reorder_point]


class OrderPolicy:
    @staticmethod
    def quantity_for(sku: str, pack_size: int = 12) -> int:
        base = 48 if sku.startswith("FAST-") else 24
        return ((base + pack_size - 1) // pack_size) * pack_size


def place_purchase_order(warehouse_id: str, sku: str, supplier: str, quantity: int) -> dict[str, Any]:
    resp = requests.post(
        f"{PURCHASING_API}/orders",
        json={"warehouse": warehouse_id, "sku": sku, "supplier": supplier, "quantity": quantity},
        timeout=30,
    )
    resp.raise_for_status()
    return {"po": resp.json()["po_number"], "sku": sku}


def open_purchase_orders(warehouse_id: str) -> list[dict[str, Any]]:
    resp = requests.get(f"{PURCHASING_API}/orders", params={"warehouse": warehouse_id, "state": "open"}, timeout=30)
    resp.raise_for_status()
    return [{"po": o["po_number"], "supplier": o["supplier"]} for o in resp.json()["orders"]]


def mark_confirmed(po_number: str, ack: dict[str, Any]) -> dict[str, Any]:
    resp = requests.post(f"{PURCHASING_API}/orders/{po_number}/confirm", json=ack, timeout=30)
    resp.raise_for_status()
    return {"po": po_number, "confirmed": True}


def remind_supplier(supplier: str, po_number: str) -> int:
    resp = requests.post(f"{SUPPLIER_API}/{supplier}/reminders", json={"po": po_number}, timeout=20)
    return resp.status_code


async def confirm_with_supplier(context: AsyncWorkflowContext[dict], po_number: str, supplier: str) -> None:
    window = time.strftime("%Y%m%d%H")  # expect: UWF101
    ack = await context.call(f"supplier-ack-{po_number}-{window}", url=f"{SUPPLIER_API}/{supplier}/acks/{po_number}", method="GET")  # expect: UWF106
    if ack.status_code == 404:
        logger.info("supplier %s has not acknowledged %s yet", supplier, po_number)
        await context.run(f"remind-{po_number}", partial(remind_supplier, supplier, po_number))
        return
    body = ack.body if isinstance(ack.body, dict) else {}
    await context.run(f"confirm-{po_number}", partial(mark_confirmed, po_number, {"eta": body.get("eta")}))


@serve.post("/workflows/replenish")
async def replenish(context: AsyncWorkflowContext[dict]) -> None:
    warehouse_id = context.request_payload.get("warehouse_id")
    if warehouse_id not in WAREHOUSES:
        logger.warning("unknown warehouse %r in run %s", warehouse_id, context.workflow_run_id)
        return

    catalog = supplier_catalog()  # expect: UWF103
    ordered = 0
    for sku in skus_below_reorder_point(warehouse_id):  # expect: UWF103, UWF105
        supplier = catalog[sku]["supplier"] if sku in catalog else DEFAULT_SUPPLIER
        quantity = OrderPolicy.quantity_for(sku)
        await context.run(f"order-{sku}", partial(place_purchase_order, warehouse_id, sku, supplier, quantity))
        ordered += 1

    logger.info("warehouse %s: %d purchase orders placed", warehouse_id, ordered)
    await context.run("refresh-catalog-cache", lambda: len(supplier_catalog()))


@serve.post("/workflows/replenish/confirm")
async def confirm_orders(context: AsyncWorkflowContext[dict]) -> None:
    warehouse_id = context.request_payload["warehouse_id"]
    orders = await context.run("open-orders", partial(open_purchase_orders, warehouse_id))
    if not orders:
        logger.info("no open purchase orders for %s", warehouse_id)
        return

    for order in orders:
        await confirm_with_supplier(context, order["po"], order["supplier"])

    await context.sleep("wait-before-digest", 3600)
    await context.run(
        "confirmation-digest",
        lambda: requests.post(
            f"{PURCHASING_API}/digests", json={"warehouse": warehouse_id, "orders": [o["po"] for o in orders]}, timeout=20
        ).status_code,
    )
