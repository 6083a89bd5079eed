# Shapes: class-based service with route methods registered as serve.post(...)(service.m), a client held in self.redis, a method reading the clock called from orchestration, a step-factory method (not eager), self attribute mutated in a step, a nested step through a method helper, a route method without steps.
from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI
from upstash_redis.asyncio import Redis
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger(__name__)

app = FastAPI()
serve = Serve(app)

GRACE_SECONDS = 3 * 24 * 3600


class RenewalService:
    """Renews subscriptions; one instance serves every run."""

    def __init__(self, plan_prices: dict[str, int]) -> None:
        self.redis = Redis.from_env()
        self.plan_prices = plan_prices
        self.last_renewed: str | None = None

    def _in_maintenance_window(self) -> bool:
        hour = time.gmtime().tm_hour
        return 2 <= hour < 4

    def charge_step(self, subscription: dict[str, Any]) -> Callable[[], Awaitable[dict[str, Any]]]:
        async def _charge() -> dict[str, Any]:
            price = self.plan_prices[subscription["plan"]]
            await self.redis.incrby(f"revenue:{subscription['plan']}", price)
            return {"charged": price, "plan": subscription["plan"]}

        return _charge

    async def _audit(self, context: AsyncWorkflowContext[dict], event: str) -> None:
        await context.run(f"audit-{event}", lambda: {"event": event})

    async def renew(self, context: AsyncWorkflowContext[dict]) -> None:
        sub_id = context.request_payload["subscription_id"]
        subscription = await self.redis.hgetall(f"sub:{sub_id}")  # expect: UWF103

        if self._in_maintenance_window():  # expect: UWF101, UWF105
            await context.sleep("wait-maintenance", 2 * 3600)

        receipt = await context.run("charge", self.charge_step(subscription))
        logger.info("renewed %s: %s", sub_id, receipt)

        async def _remember() -> str:
            self.last_renewed = sub_id  # expect: UWF201
            await self._audit(context, "renewed")  # expect: UWF202
            return sub_id

        await context.run("remember", _remember)
        await context.sleep("grace", GRACE_SECONDS)

        async def _expire_trial() -> None:
            await self.redis.hdel(f"sub:{sub_id}", "trial")

        await context.run("expire-trial", _expire_trial)

    async def cancel(self, context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
        sub_id = context.request_payload["subscription_id"]
        await self.redis.delete(f"sub:{sub_id}")  # expect: UWF103
        logger.info("cancelled %s", sub_id)


service = RenewalService({"basic": 500, "pro": 1500, "team": 4900})
serve.post("/workflows/renew")(service.renew)
serve.post("/workflows/cancel")(service.cancel)
