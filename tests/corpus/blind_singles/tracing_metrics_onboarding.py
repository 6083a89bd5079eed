# shapes: correct: FastAPI router built in build_router() with Serve(APIRouter), OpenTelemetry spans and statsd counters around steps in orchestration, os.getenv feature flags deciding steps, the SDK docs' isinstance(e, WorkflowAbort) re-raise followed by log-and-raise, try/finally that only records a metric, TypedDict / NamedTuple / dict-subclass / pydantic model_dump(mode="json") step results, time.perf_counter only inside steps and in a logging argument
import logging
import os
import time
from typing import NamedTuple, TypedDict

import httpx
from fastapi import APIRouter
from opentelemetry import trace
from pydantic import BaseModel
from statsd import StatsClient
from upstash_workflow import AsyncWorkflowContext, WorkflowAbort
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("onboarding")
tracer = trace.get_tracer(__name__)
statsd = StatsClient("statsd", 8125, prefix="onboarding")

CRM_URL = os.getenv("CRM_URL", "https://crm.example.com")
SMS_URL = os.getenv("SMS_URL", "https://sms.example.com/send")


class Profile(TypedDict):
    id: str
    email: str


class Quota(NamedTuple):
    seats: int
    plan: str


class Preferences(dict):
    pass


class Account(BaseModel):
    id: str
    plan: str
    seats: int


async def create_profile(email: str) -> Profile:
    async with httpx.AsyncClient(base_url=CRM_URL, timeout=10) as client:
        started = time.perf_counter()
        resp = await client.post("/profiles", json={"email": email})
        statsd.timing("crm.create_profile", (time.perf_counter() - started) * 1000)
        return Profile(id=resp.json()["id"], email=email)


async def fetch_account(profile_id: str) -> dict:
    async with httpx.AsyncClient(base_url=CRM_URL, timeout=10) as client:
        resp = await client.get(f"/accounts/{profile_id}")
        return Account.model_validate(resp.json()).model_dump(mode="json")


async def send_welcome(email: str, locale: str) -> int:
    async with httpx.AsyncClient(base_url=CRM_URL, timeout=10) as client:
        resp = await client.post("/emails/welcome", json={"to": email, "locale": locale})
        return resp.status_code


def build_router() -> APIRouter:
    router = APIRouter(prefix="/workflows")
    serve = Serve(router)

    @serve.post("/onboarding")
    async def onboard(ctx: AsyncWorkflowContext[dict]) -> None:
        email = ctx.request_payload["email"]
        locale = ctx.request_payload.get("locale", "en")
        statsd.incr("started")
        send_sms = os.getenv("ONBOARDING_SMS", "0") == "1"

        with tracer.start_as_current_span("onboarding.profile") as span:
            span.set_attribute("workflow.run_id", ctx.workflow_run_id)
            try:
                profile = await ctx.run("create-profile", lambda: create_profile(email))
            except Exception as e:
                if isinstance(e, WorkflowAbort):
                    raise
                logger.exception("profile creation failed for %s", email)
                statsd.incr("profile_failed")
                raise

        try:
            quota = await ctx.run("quota", lambda: Quota(seats=5, plan="starter"))
        finally:
            statsd.incr("quota_attempt")

        prefs = await ctx.run("preferences", lambda: Preferences(newsletter=True, locale=locale))
        account = await ctx.run("account", lambda: fetch_account(profile["id"]))

        if send_sms and ctx.request_payload.get("phone"):
            await ctx.call("sms-welcome", url=SMS_URL, method="POST", body={"to": ctx.request_payload["phone"], "text": "Welcome!"})

        if account["plan"] != quota[1]:
            await ctx.run("align-plan", lambda: {"account": account["id"], "plan": quota[1]})

        with tracer.start_as_current_span("onboarding.welcome"):
            await ctx.run("welcome-email", lambda: send_welcome(profile["email"], prefs.get("locale", "en")))

        logger.info("onboarded %s (perf counter %.3f)", email, time.perf_counter())
        statsd.incr("completed")

    return router
