# shapes: 6 labels. FastAPI Serve(app), a trial lifecycle route and a conversion route; an expiry datetime made before the first step that reaches sleep_until twice and also a step's payload (101); a step returning an instance of a pydantic model of the file (204); a quiet-hours check through a two-function helper chain ending in arrow.now() deciding a sleep step (101, 105 at the if); a context.sleep nested in a downgrade step (202); an unawaited context.call assigned to a variable (303). Fine: model_dump() of the same model as a step result, a pure plan lookup, an early return on a step result, httpx inside steps, a "8h" sleep, a conversion route with a deadline from datetime.now() that reaches only logging and sleep_until
"""Trial lifecycle workflows (self-serve growth)."""
import logging
import os
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any

import arrow
import httpx
from fastapi import FastAPI
from pydantic import BaseModel
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("growth.trials")

app = FastAPI(title="trials")
serve = Serve(app)

ACCOUNTS_API = os.environ.get("ACCOUNTS_API", "https://accounts.internal/api")
BILLING_API = os.environ.get("BILLING_API", "https://billing.internal/api")
CRM_WEBHOOK = os.environ.get("CRM_WEBHOOK", "https://crm.internal/hooks/trials")
TRIAL_DAYS = int(os.environ.get("TRIAL_DAYS", "14"))
QUIET_START, QUIET_END = 21, 8

PLANS = {"starter": {"seats": 3}, "team": {"seats": 10}, "business": {"seats": 50}}

http = httpx.AsyncClient(timeout=20)


class TrialSummary(BaseModel):
    user_id: str
    plan: str
    seats: int


def plan_limits(plan: str) -> dict[str, int]:
    return PLANS.get(plan, PLANS["starter"])


def _local_hour(tz_name: str) -> int:
    return arrow.now(tz_name).hour


def in_quiet_hours(tz_name: str) -> bool:
    hour = _local_hour(tz_name)
    return hour >= QUIET_START or hour < QUIET_END


async def provision(user_id: str, plan: str) -> dict[str, Any]:
    resp = await http.post(f"{ACCOUNTS_API}/trials", json={"user_id": user_id, "plan": plan, **plan_limits(plan)})
    resp.raise_for_status()
    return {"account_id": resp.json()["account_id"], "seats": plan_limits(plan)["seats"]}


async def set_expiry(user_id: str, expires_at: str) -> dict[str, Any]:
    resp = await http.patch(f"{ACCOUNTS_API}/trials/{user_id}", json={"expires_at": expires_at})
    resp.raise_for_status()
    return {"ok": True}


async def send_reminder(user_id: str, template: str) -> dict[str, Any]:
    resp = await http.post(f"{ACCOUNTS_API}/users/{user_id}/emails", json={"template": template})
    return {"status": resp.status_code}


async def trial_state(user_id: str) -> dict[str, Any]:
    resp = await http.get(f"{ACCOUNTS_API}/trials/{user_id}")
    resp.raise_for_status()
    return {"state": resp.json()["state"], "converted": resp.json().get("converted", False)}


@serve.post("/workflows/trials/start")
async def trial_lifecycle(context: AsyncWorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]
    plan = context.request_payload.get("plan", "starter")
    tz_name = context.request_payload.get("timezone", "UTC")
    expires_at = datetime.now(timezone.utc) + timedelta(days=TRIAL_DAYS)  # expect: UWF101
    logger.info("trial for %s on %s expires at %s", user_id, plan, expires_at)

    account = await context.run("provision-trial", partial(provision, user_id, plan))
    await context.run("record-expiry", lambda: set_expiry(user_id, expires_at.isoformat()))
    summary = await context.run("trial-summary", lambda: TrialSummary(user_id=user_id, plan=plan, seats=account["seats"]))  # expect: UWF204
    snapshot = await context.run("trial-snapshot", lambda: TrialSummary(user_id=user_id, plan=plan, seats=account["seats"]).model_dump())
    logger.debug("trial summary %s / %s", summary, snapshot)

    await context.sleep_until("wait-for-reminder-window", expires_at - timedelta(days=2))
    if in_quiet_hours(tz_name):  # expect: UWF101, UWF105
        await context.sleep("defer-reminder", "8h")
    await context.run("send-reminder", partial(send_reminder, user_id, "trial-ending"))

    await context.sleep_until("wait-for-expiry", expires_at)
    state = await context.run("trial-state", partial(trial_state, user_id))
    if state["converted"]:
        logger.info("trial of %s converted, lifecycle done", user_id)
        return

    async def _downgrade() -> dict[str, Any]:
        resp = await http.post(f"{BILLING_API}/accounts/{account['account_id']}/downgrade", json={"to": "free"})
        await context.sleep("downgrade-settle", 60)  # expect: UWF202
        return {"status": resp.status_code}

    await context.run("downgrade", _downgrade)
    crm_update = context.call("crm-trial-ended", url=CRM_WEBHOOK, method="POST", body={"user_id": user_id, "plan": plan})  # expect: UWF303
    logger.info("trial of %s ended, crm update %s", user_id, crm_update)
    await context.run("farewell-email", partial(send_reminder, user_id, "trial-ended"))


@serve.post("/workflows/trials/converted")
async def trial_converted(context: AsyncWorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]
    plan = context.request_payload["plan"]
    state = await context.run("conversion-state", partial(trial_state, user_id))
    if not state["converted"]:
        logger.warning("conversion webhook for %s but trial not converted", user_id)
        return

    await context.run("welcome-to-paid", partial(send_reminder, user_id, f"welcome-{plan}"))
    check_in_at = datetime.now(timezone.utc) + timedelta(days=30)
    logger.info("check-in for %s scheduled at %s", user_id, check_in_at)
    await context.sleep_until("wait-for-check-in", check_in_at)
    await context.run("check-in-email", partial(send_reminder, user_id, "30-day-check-in"))
