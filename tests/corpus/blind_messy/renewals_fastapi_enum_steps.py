# shapes: correct. FastAPI Serve(app), two routes; a str Enum of step names (.value in names and f-strings); a frozen settings dataclass built from the environment by a classmethod at module level; module-level upstash_redis and httpx clients used only inside steps; a charge retry loop over context.call results with break and int backoff sleeps; except WorkflowAbort: raise before except httpx.HTTPStatusError; early returns on the payload and on step results; a clock read only in logging arguments; a grace deadline from datetime.now() that reaches only logging and sleep_until; a workflow helper shared by both routes; comprehensions over a step result calling a pure helper; default-argument lambdas in a loop of steps
"""Subscription renewals: charge, retry, notify, cancel after grace.

Owned by the billing squad. Kept in one file on purpose (see ADR-14): the
on-call runbook links straight to the line numbers in here.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any

import httpx
from fastapi import FastAPI
from upstash_redis import Redis
from upstash_workflow import AsyncWorkflowContext, WorkflowAbort
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("billing.renewals")


class Step(str, Enum):
    LOAD = "load-subscription"
    CHARGE = "charge"
    BACKOFF = "charge-backoff"
    NOTIFY = "notify"
    MARK = "mark-renewed"
    GRACE = "grace-period"
    RECHECK = "recheck-after-grace"
    CANCEL = "cancel-subscription"
    LIST_DUE = "list-due"
    ENQUEUE = "enqueue"


@dataclass(frozen=True)
class RenewalSettings:
    payments_url: str
    notifier_url: str
    max_attempts: int = 4
    backoff_seconds: int = 600
    grace_days: int = 3
    vip_plans: tuple = ("enterprise", "scale")

    @classmethod
    def from_env(cls) -> "RenewalSettings":
        return cls(
            payments_url=os.environ.get("PAYMENTS_URL", "https://payments.internal"),
            notifier_url=os.environ.get("NOTIFIER_URL", "https://notify.internal"),
            max_attempts=int(os.environ.get("RENEWAL_MAX_ATTEMPTS", "4")),
            backoff_seconds=int(os.environ.get("RENEWAL_BACKOFF_SECONDS", "600")),
            grace_days=int(os.environ.get("RENEWAL_GRACE_DAYS", "3")),
        )


settings = RenewalSettings.from_env()
app = FastAPI(title="renewals")
serve = Serve(app)
kv = Redis.from_env()
http = httpx.AsyncClient(timeout=httpx.Timeout(10.0))


def idempotency_key(subscription_id: str, attempt: int) -> str:
    return f"renewal:{subscription_id}:{attempt}"


def charge_headers(subscription_id: str, attempt: int) -> dict[str, str]:
    return {
        "Idempotency-Key": idempotency_key(subscription_id, attempt),
        "Content-Type": "application/json",
    }


def is_vip(subscription: dict[str, Any]) -> bool:
    return subscription.get("plan") in settings.vip_plans


async def load_subscription(subscription_id: str) -> dict[str, Any]:
    cached = kv.get(f"sub:{subscription_id}")
    if cached:
        return json.loads(cached)
    resp = await http.get(f"{settings.payments_url}/subscriptions/{subscription_id}")
    resp.raise_for_status()
    data = resp.json()
    kv.set(f"sub:{subscription_id}", json.dumps(data), ex=300)
    return data


def enqueue_renewal(subscription_id: str) -> dict[str, Any]:
    depth = kv.rpush("renewals:queue", subscription_id)
    return {"subscription_id": subscription_id, "queue_depth": depth}


async def notify_customer(
    context: AsyncWorkflowContext[dict], subscription: dict[str, Any], template: str
) -> None:
    async def _send() -> dict[str, Any]:
        resp = await http.post(
            f"{settings.notifier_url}/send",
            json={"to": subscription["email"], "template": template},
        )
        resp.raise_for_status()
        return {"status": resp.status_code, "template": template}

    await context.run(f"{Step.NOTIFY.value}-{template}", _send)


@serve.post("/workflows/renewals/charge", retries=3)
async def renew_subscription(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload or {}
    subscription_id = payload.get("subscription_id")
    if not subscription_id:
        logger.warning("renewal without subscription_id, run=%s", context.workflow_run_id)
        return
    logger.info(
        "renewal start sub=%s run=%s at=%s",
        subscription_id,
        context.workflow_run_id,
        datetime.now(timezone.utc).isoformat(),
    )

    async def _load() -> dict[str, Any]:
        return await load_subscription(subscription_id)

    subscription = await context.run(Step.LOAD.value, _load)
    if subscription.get("status") == "canceled":
        logger.info("sub %s already canceled, nothing to do", subscription_id)
        return

    charged = False
    for attempt in range(1, settings.max_attempts + 1):
        try:
            response = await context.call(
                f"{Step.CHARGE.value}-{attempt}",
                url=f"{settings.payments_url}/charges",
                method="POST",
                body={"subscription_id": subscription_id, "amount": subscription["amount"]},
                headers=charge_headers(subscription_id, attempt),
            )
        except WorkflowAbort:
            raise
        except httpx.HTTPStatusError as exc:
            logger.error("charge transport error sub=%s attempt=%s: %s", subscription_id, attempt, exc)
            raise
        if response.status_code == 200:
            charged = True
            break
        logger.warning(
            "charge declined sub=%s attempt=%s status=%s",
            subscription_id,
            attempt,
            response.status_code,
        )
        if response.status_code in (400, 404):
            logger.error("charge for %s is not retryable, giving up", subscription_id)
            break
        await context.sleep(f"{Step.BACKOFF.value}-{attempt}", settings.backoff_seconds * attempt)

    if charged:
        async def _mark() -> dict[str, Any]:
            kv.delete(f"sub:{subscription_id}")
            resp = await http.post(f"{settings.payments_url}/subscriptions/{subscription_id}/renewed")
            resp.raise_for_status()
            return resp.json()

        await context.run(Step.MARK.value, _mark)
        await notify_customer(context, subscription, "renewal-succeeded")
        logger.info("sub %s renewed", subscription_id)
        return

    await notify_customer(context, subscription, "renewal-failed")
    grace_until = datetime.now(timezone.utc) + timedelta(days=settings.grace_days)
    logger.info("sub %s enters grace period until %s", subscription_id, grace_until)
    await context.sleep_until(Step.GRACE.value, grace_until)

    async def _recheck() -> dict[str, Any]:
        kv.delete(f"sub:{subscription_id}")
        return await load_subscription(subscription_id)

    latest = await context.run(Step.RECHECK.value, _recheck)
    if latest.get("status") == "active":
        logger.info("sub %s was paid during grace", subscription_id)
        return
    if is_vip(latest):
        logger.warning("VIP sub %s unpaid after grace, escalating instead of canceling", subscription_id)
        await notify_customer(context, latest, "vip-escalation")
        return

    async def _cancel() -> dict[str, Any]:
        resp = await http.post(
            f"{settings.payments_url}/subscriptions/{subscription_id}/cancel",
            json={"reason": "unpaid"},
        )
        resp.raise_for_status()
        return {"canceled": True}

    await context.run(Step.CANCEL.value, _cancel)
    await notify_customer(context, latest, "subscription-canceled")


@serve.post("/workflows/renewals/daily")
async def daily_renewals(context: AsyncWorkflowContext[dict]) -> None:
    region = (context.request_payload or {}).get("region", "eu")

    async def _due() -> list[dict[str, Any]]:
        resp = await http.get(f"{settings.payments_url}/subscriptions/due", params={"region": region})
        resp.raise_for_status()
        return resp.json()["items"]

    due = await context.run(f"{Step.LIST_DUE.value}-{region}", _due)
    logger.info("%d subscriptions due in %s", len(due), region)
    if not due:
        return

    vip = [s for s in due if is_vip(s)]
    regular = [s for s in due if not is_vip(s)]
    for sub in vip + regular:
        await context.run(f"{Step.ENQUEUE.value}-{sub['id']}", lambda sub=sub: enqueue_renewal(sub["id"]))

    if vip:
        logger.info("%d VIP renewals queued in %s", len(vip), region)
        await notify_customer(context, {"email": "billing-oncall@example.com"}, "vip-renewals-queued")
