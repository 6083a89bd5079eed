# shapes: correct; FastAPI Serve(APIRouter) with the context class from upstash_workflow.fastapi; file classes whose methods read sources (stripe charge with time.time, a staticmethod and a property reading datetime.now, a redis incr) called only inside steps, one as a bound-method step function; pure methods named `run` and `sleep` on file objects (StagePipeline.run, RetryPlan.sleep) called in orchestration, the latter as an int sleep duration; a `call` method of a file class used inside a step; a module-level results dict written inside a step; a retry while-loop on step results with break
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable
import time

import stripe
from fastapi import APIRouter, FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from upstash_redis import Redis
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("renewals")

router = APIRouter(prefix="/workflows")
serve = Serve(router)

engine = create_engine("postgresql+psycopg://renewals@db/renewals")
cache = Redis.from_env()
PROVISIONED: dict[str, dict[str, Any]] = {}


class BillingGateway:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key

    def charge(self, customer_id: str, cents: int, idempotency_key: str) -> dict[str, Any]:
        intent = stripe.PaymentIntent.create(
            amount=cents,
            currency="usd",
            customer=customer_id,
            idempotency_key=idempotency_key,
            api_key=self.api_key,
        )
        return {"id": intent["id"], "status": intent["status"], "at": time.time()}

    @staticmethod
    def receipt_stamp() -> str:
        return datetime.now(timezone.utc).isoformat()


class QuotaWindow:
    def __init__(self, customer_id: str) -> None:
        self.customer_id = customer_id

    @property
    def key(self) -> str:
        return f"quota:{self.customer_id}:{datetime.now(timezone.utc):%Y%m%d%H}"

    def consume(self) -> dict[str, Any]:
        return {"used": int(cache.incr(self.key))}


class CircuitBreaker:
    def __init__(self, name: str, limit: int = 3) -> None:
        self.name = name
        self.limit = limit

    def call(self, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        failures = int(cache.get(f"breaker:{self.name}") or 0)
        if failures >= self.limit:
            return {"skipped": True}
        return fn()


@dataclass
class RetryPlan:
    base_seconds: int = 30
    max_seconds: int = 3600

    def sleep(self, attempt: int) -> int:
        return min(self.base_seconds * 2 ** attempt, self.max_seconds)


@dataclass
class StagePipeline:
    stages: list[str] = field(default_factory=list)

    def run(self, skip: list[str]) -> list[str]:
        return [s for s in self.stages if s not in skip]


def load_subscription(customer_id: str) -> dict[str, Any]:
    with Session(engine) as session:
        row = session.execute(
            text("SELECT status, cents FROM subscriptions WHERE customer_id = :c"), {"c": customer_id}
        ).one()
    return {"status": row.status, "cents": int(row.cents)}


def notify_customer(customer_id: str, text_body: str) -> dict[str, Any]:
    cache.lpush(f"outbox:{customer_id}", text_body)
    return {"queued": True}


gateway = BillingGateway(api_key="sk_live_from_vault")
plan = RetryPlan(base_seconds=60)
pipeline = StagePipeline(stages=["validate", "charge", "provision", "notify"])
breaker = CircuitBreaker("mailer")


@serve.post("/renewal")
async def renew_subscription(context: AsyncWorkflowContext[dict]) -> None:
    data = context.request_payload
    customer_id = data["customer_id"]
    stages = pipeline.run(list(data.get("skip", [])))

    subscription = await context.run("load-subscription", lambda: load_subscription(customer_id))
    quota = QuotaWindow(customer_id)

    for stage in stages:
        if stage == "validate":
            valid = await context.run("validate", lambda: {"ok": subscription["status"] == "active"})
            if not valid["ok"]:
                return
        elif stage == "charge":
            attempt = 0
            while attempt < 3:
                result = await context.run(
                    f"charge-{attempt}",
                    lambda: gateway.charge(customer_id, subscription["cents"], f"{context.workflow_run_id}-{attempt}"),
                )
                if result["status"] == "succeeded":
                    break
                await context.sleep(f"charge-backoff-{attempt}", plan.sleep(attempt))
                attempt += 1
        elif stage == "provision":

            def _provision() -> dict[str, Any]:
                stamp = BillingGateway.receipt_stamp()
                PROVISIONED[customer_id] = {"stamp": stamp}
                return {"customer": customer_id, "stamp": stamp}

            await context.run("provision", _provision)
        elif stage == "notify":
            await context.run("consume-quota", quota.consume)
            await context.run("notify", lambda: breaker.call(lambda: notify_customer(customer_id, "renewed")))

    log.info("renewal for %s finished with stages %s", customer_id, stages)


app = FastAPI()
app.include_router(router)
