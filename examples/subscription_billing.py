"""Subscription billing on FastAPI: renew a plan, retry a declined card, send the receipt.

Serve it with `uvicorn examples.subscription_billing:app` (QSTASH_TOKEN and the QStash signing
keys in the environment), then start a run by publishing a subscription id to
`/api/subscriptions/renew`.

Like the other examples, it holds mistakes that a single call of the endpoint does not show.
A comment above each one says what goes wrong; `wfcheck check examples/` finds them all.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any, Dict

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)

BILLING_API = "https://billing.example.com/v1"


async def charge(subscription_id: str, amount_cents: int) -> Dict[str, Any]:
    async with httpx.AsyncClient(base_url=BILLING_API) as client:
        response = await client.post(
            "/charges", json={"subscription": subscription_id, "amount": amount_cents}
        )
        return response.json()


async def send_receipt(subscription_id: str, charge_id: str) -> str:
    async with httpx.AsyncClient(base_url=BILLING_API) as client:
        response = await client.post(
            "/receipts", json={"subscription": subscription_id, "charge": charge_id}
        )
        return response.json()["receipt_id"]


@serve.post("/api/subscriptions/renew")
async def renew_subscription(context: AsyncWorkflowContext[Dict[str, Any]]) -> None:
    subscription = context.request_payload
    subscription_id = subscription["id"]

    # The charge runs right here, outside the step, on every call of the endpoint: the
    # customer is charged again each time QStash comes back for the next step.
    payment = await context.run("charge", charge(subscription_id, subscription["amount"]))

    # A declined card is retried after a pause, but this pause holds the request open and
    # runs again on every later call of the workflow.
    if payment["status"] == "declined":
        await asyncio.sleep(60)
        payment = await context.run(
            "retry-charge", lambda: charge(subscription_id, subscription["amount"])
        )

    # A step name must not be empty: the SDK refuses it when the step is reached.
    await context.run("", lambda: {"renewed": subscription_id})

    # A datetime cannot go through json.dumps: the step fails after its work is done.
    renewed_at = await context.run("stamp", lambda: datetime.now(timezone.utc))

    # The SDK calls the step function with no arguments: this one needs its charge id.
    async def _send_receipt(charge_id: str) -> str:
        return await send_receipt(subscription_id, charge_id)

    await context.run("receipt", _send_receipt)

    # Without await, the grace period is never scheduled: the step is silently skipped.
    context.sleep("grace-period", "3d")

    # QStash delays are whole numbers with a unit: "1.5d" is not a valid delay.
    await context.sleep("reminder-delay", "1.5d")

    # The SDK raises WorkflowAbort after every step to end the call; this handler swallows
    # it and goes on to the next step in the same call.
    try:
        await context.run("notify-account-manager", lambda: {"notified": renewed_at})
    except Exception:
        await context.run("log-notify-failure", lambda: {"failed": subscription_id})

    # TypeScript's name: the Python SDK calls it sleep_until, this raises AttributeError.
    await context.sleepUntil("renewal-reminder", subscription["next_renewal_at"])
