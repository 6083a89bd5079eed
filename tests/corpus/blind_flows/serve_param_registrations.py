# shapes: registration functions whose parameter is annotated with the fastapi Serve class (named serve with a keyword-only option, and named router_serve), called with Serve(app) and Serve(APIRouter); nested routes, one with an unannotated context; a secrets token reaching a step name through string concatenation (102, 106); random jitter combined with a step result by `and` deciding a step (102, 105); fine: a loop over step results, an early return after the first step, a payload-driven sleep
from __future__ import annotations

import logging
import os
import random
import secrets

import httpx
from fastapi import APIRouter, FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("billing")

PRICE_API = os.environ.get("PRICE_API", "https://pricing.internal")
NOTIFY_API = os.environ.get("NOTIFY_API", "https://notify.internal")


async def fetch_quote(price_api: str, account: str) -> dict:
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.get(f"{price_api}/quotes/{account}")
        resp.raise_for_status()
        return resp.json()


async def bill_line(account: str, line: dict) -> dict:
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.post(f"{PRICE_API}/accounts/{account}/lines", json=line)
        return {"line": line["id"], "status": resp.status_code}


async def load_balance(price_api: str, account: str) -> dict:
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.get(f"{price_api}/accounts/{account}/balance")
        return resp.json()


async def send_notice(account: str, balance: dict) -> dict:
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.post(f"{NOTIFY_API}/dunning", json={"account": account, **balance})
        return {"status": resp.status_code}


async def load_profile(user: str) -> dict:
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.get(f"{NOTIFY_API}/users/{user}")
        return resp.json()


async def send_nudge(user: str, escalate: bool = False) -> dict:
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.post(f"{NOTIFY_API}/nudges", json={"user": user, "escalate": escalate})
        return {"status": resp.status_code}


def register_billing(serve: Serve, *, price_api: str) -> None:
    @serve.post("/billing/invoice")
    async def invoice(context: AsyncWorkflowContext[dict]) -> None:
        account = context.request_payload["account"]
        quote = await context.run("quote", lambda: fetch_quote(price_api, account))
        for line in quote["lines"]:
            if line["amount_cents"] == 0:
                continue
            await context.run("bill-line", lambda line=line: bill_line(account, line))
        await context.sleep("grace", context.request_payload.get("grace_seconds", 3600))
        await context.run("close-invoice", lambda: {"account": account, "lines": len(quote["lines"])})

    @serve.post("/billing/dunning")
    async def dunning(context) -> None:
        account = context.request_payload["account"]
        notice_id = secrets.token_urlsafe(6)  # expect: UWF102
        balance = await context.run("load-balance", lambda: load_balance(price_api, account))
        if balance["due_cents"] <= 0:
            log.info("account %s settled, no notice", account)
            return
        await context.run("send-notice-" + notice_id, lambda: send_notice(account, balance))  # expect: UWF106


def register_reminders(router_serve: Serve) -> None:
    @router_serve.post("/reminders/nudge")
    async def nudge(context: AsyncWorkflowContext[dict]) -> None:
        user = context.request_payload["user"]
        profile = await context.run("load-profile", lambda: load_profile(user))
        jitter = random.random()  # expect: UWF102
        should_escalate = profile["missed"] > 2 and jitter < 0.3
        if should_escalate:  # expect: UWF105
            await context.run("escalate", lambda: send_nudge(user, escalate=True))
        await context.sleep("nudge-delay", 3600)
        await context.run("send-nudge", lambda: send_nudge(user))


app = FastAPI(title="billing")
router = APIRouter(prefix="/v2")
register_billing(Serve(app), price_api=PRICE_API)
register_reminders(Serve(router))
app.include_router(router)
