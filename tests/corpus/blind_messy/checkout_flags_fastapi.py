# shapes: 5 labels. FastAPI Serve(app), checkout and refund routes sharing pure helpers and a workflow helper; a str Enum of step names; a frozen settings dataclass; a uuid4 order reference made before the first step and used in a step name (102, 106) and in step payloads; a redis feature flag read in an if test deciding the fraud-review step (103+105); a charge retry loop sleeping with asyncio.sleep between step attempts (107). Fine: a header token check with an early return before the first step, functools.partial step functions, an early return on a step result, redis and httpx only inside steps, uuid4 inside a step, a loop of steps over a step result in the helper, the order reference in logging calls
"""Checkout orchestration for the storefront (payments squad)."""
import asyncio
import logging
import os
import uuid
from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import Any

import httpx
import redis
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("shop.checkout")


class CheckoutStep(str, Enum):
    VALIDATE = "validate-cart"
    RESERVE = "reserve-stock"
    FRAUD = "fraud-review"
    CHARGE = "charge"
    CONFIRM = "confirm-order"
    RECEIPT = "send-receipt"
    RELEASE = "release-stock"


@dataclass(frozen=True)
class CheckoutSettings:
    payments_url: str
    inventory_url: str
    mailer_url: str
    charge_attempts: int = 3
    retry_backoff: int = 2
    internal_token: str = ""

    @classmethod
    def from_env(cls) -> "CheckoutSettings":
        return cls(
            payments_url=os.environ.get("PAYMENTS_URL", "https://payments.internal"),
            inventory_url=os.environ.get("INVENTORY_URL", "https://inventory.internal"),
            mailer_url=os.environ.get("MAILER_URL", "https://mailer.internal"),
            charge_attempts=int(os.environ.get("CHARGE_ATTEMPTS", "3")),
            internal_token=os.environ.get("CHECKOUT_INTERNAL_TOKEN", ""),
        )


settings = CheckoutSettings.from_env()
app = FastAPI(title="checkout")
serve = Serve(app)
flags = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379, decode_responses=True)
http = httpx.AsyncClient(timeout=15)


def cart_total(items: list[dict[str, Any]]) -> int:
    return sum(int(i["unit_cents"]) * int(i["qty"]) for i in items)


def auth_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {settings.internal_token}"}


async def validate_cart(cart: dict[str, Any]) -> dict[str, Any]:
    resp = await http.post(f"{settings.inventory_url}/carts/validate", json=cart, headers=auth_headers())
    if resp.status_code == 422:
        return {"ok": False, "reason": resp.json().get("detail", "invalid cart"), "items": []}
    resp.raise_for_status()
    return {"ok": True, "reason": None, "items": resp.json()["items"]}


async def reserve_items(order_ref: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    resp = await http.post(
        f"{settings.inventory_url}/reservations",
        json={"order": order_ref, "items": items},
        headers=auth_headers(),
    )
    resp.raise_for_status()
    return {"reservation": resp.json()["id"]}


async def fraud_review(order_ref: str, cart: dict[str, Any]) -> dict[str, Any]:
    resp = await http.post(f"{settings.payments_url}/fraud/review", json={"order": order_ref, "cart": cart})
    resp.raise_for_status()
    verdict = resp.json()
    if verdict["decision"] == "reject":
        raise RuntimeError(f"order {order_ref} rejected by fraud review")
    return {"decision": verdict["decision"], "score": verdict["score"]}


async def charge_card(order_ref: str, amount: int, attempt: int) -> dict[str, Any]:
    resp = await http.post(
        f"{settings.payments_url}/charges",
        json={"order": order_ref, "amount": amount},
        headers={**auth_headers(), "Idempotency-Key": f"{order_ref}-{attempt}"},
    )
    return {"status": resp.json().get("status", "error"), "id": resp.json().get("id"), "code": resp.status_code}


async def confirm_order(order_ref: str, charge_id: str) -> dict[str, Any]:
    resp = await http.post(f"{settings.payments_url}/orders/{order_ref}/confirm", json={"charge": charge_id})
    resp.raise_for_status()
    return resp.json()


async def send_receipt(email: str, order_ref: str, amount: int) -> dict[str, Any]:
    resp = await http.post(f"{settings.mailer_url}/receipts", json={"to": email, "order": order_ref, "amount": amount})
    return {"sent": resp.status_code < 300}


async def load_order(order_id: str) -> dict[str, Any]:
    resp = await http.get(f"{settings.payments_url}/orders/{order_id}", headers=auth_headers())
    resp.raise_for_status()
    return resp.json()


async def send_refund_mail(email: str, refund_id: str) -> dict[str, Any]:
    resp = await http.post(f"{settings.mailer_url}/refunds", json={"to": email, "refund": refund_id})
    return {"sent": resp.status_code < 300}


async def release_stock(context: AsyncWorkflowContext[dict], items: list[dict[str, Any]]) -> None:
    for item in items:
        await context.run(
            f"{CheckoutStep.RELEASE.value}-{item['sku']}",
            lambda item=item: flags.incrby(f"stock:released:{item['sku']}", int(item["qty"])),
        )


@serve.post("/workflows/checkout")
async def checkout(context: AsyncWorkflowContext[dict]) -> None:
    if context.headers.get("x-internal-token") != settings.internal_token:
        logger.warning("rejected checkout run %s: bad token", context.workflow_run_id)
        return
    cart = context.request_payload["cart"]
    merchant_id = context.request_payload["merchant_id"]
    order_ref = uuid.uuid4().hex[:12]  # expect: UWF102
    logger.info("checkout %s for merchant %s (run %s)", order_ref, merchant_id, context.workflow_run_id)

    validated = await context.run(CheckoutStep.VALIDATE.value, partial(validate_cart, cart))
    if not validated["ok"]:
        logger.info("cart rejected for %s: %s", merchant_id, validated["reason"])
        return

    await context.run(f"{CheckoutStep.RESERVE.value}-{order_ref}", partial(reserve_items, order_ref, validated["items"]))  # expect: UWF106

    if flags.get(f"checkout:fast-lane:{merchant_id}") == "on":  # expect: UWF103, UWF105
        logger.info("fast lane for merchant %s, skipping fraud review", merchant_id)
    else:
        await context.run(CheckoutStep.FRAUD.value, partial(fraud_review, order_ref, cart))

    total = cart_total(validated["items"])
    charge: dict[str, Any] = {"status": "not-attempted"}
    for attempt in range(1, settings.charge_attempts + 1):
        charge = await context.run(f"{CheckoutStep.CHARGE.value}-{attempt}", partial(charge_card, order_ref, total, attempt))
        if charge["status"] == "succeeded":
            break
        logger.warning("charge attempt %s for %s declined: %s", attempt, order_ref, charge.get("code"))
        await asyncio.sleep(settings.retry_backoff * attempt)  # expect: UWF107

    if charge["status"] != "succeeded":
        logger.error("giving up on %s after %d attempts", order_ref, settings.charge_attempts)
        await release_stock(context, validated["items"])
        return

    await context.run(CheckoutStep.CONFIRM.value, partial(confirm_order, order_ref, charge["id"]))
    await context.run(CheckoutStep.RECEIPT.value, partial(send_receipt, context.request_payload["email"], order_ref, total))
    logger.info("checkout %s done", order_ref)


@serve.post("/workflows/refund")
async def refund(context: AsyncWorkflowContext[dict]) -> None:
    order_id = context.request_payload["order_id"]
    reason = context.request_payload.get("reason", "customer-request")
    order = await context.run("load-order", partial(load_order, order_id))
    if order["status"] == "refunded":
        logger.info("order %s already refunded", order_id)
        return

    refund_id = await context.run("new-refund-id", lambda: uuid.uuid4().hex)
    result = await context.call(
        "refund",
        url=f"{settings.payments_url}/refunds",
        method="POST",
        body={"order": order_id, "refund_id": refund_id, "amount": order["total"], "reason": reason},
        headers=auth_headers(),
    )
    if result.status_code >= 400:
        logger.error("refund %s for %s failed with %s", refund_id, order_id, result.status_code)
        raise RuntimeError(f"refund failed for {order_id}")

    await release_stock(context, order["items"])
    await context.run("send-refund-mail", partial(send_refund_mail, order["email"], refund_id))
