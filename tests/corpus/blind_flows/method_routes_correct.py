# shapes: correct. Routes as methods in three forms: an obj.m registered with async_serve(route_function=renewals.renew, failure_function=renewals.on_renew_failed), a method decorated in the class body with a fastapi Serve, and a Class.m classmethod registered with serve.post(PATH)(PlanAudit.audit); the context kept on self.ctx and used by self._helpers (workflow helpers through self); a classmethod helper taking the context; self attributes read (never written) inside steps; a failure method that reads the clock and awaits httpx
from __future__ import annotations

import logging
import os
from datetime import datetime, timezone

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext, async_serve
from upstash_workflow.fastapi import Serve

log = logging.getLogger("subscriptions")

app = FastAPI(title="subscriptions")
serve = Serve(app)

BILLING_API = os.environ.get("BILLING_API", "https://billing.internal/api")


async def billing_get(path: str) -> dict:
    async with httpx.AsyncClient(timeout=20) as client:
        resp = await client.get(f"{BILLING_API}{path}")
        resp.raise_for_status()
        return resp.json()


async def billing_post(path: str, body: dict) -> dict:
    async with httpx.AsyncClient(timeout=20) as client:
        resp = await client.post(f"{BILLING_API}{path}", json=body)
        return {"status": resp.status_code, "body": resp.json()}


class RenewalFlow:
    def __init__(self, plan_catalog: dict[str, int]) -> None:
        self.plan_catalog = plan_catalog
        self.ctx: AsyncWorkflowContext[dict] | None = None

    async def renew(self, context: AsyncWorkflowContext[dict]) -> None:
        self.ctx = context
        subscription = context.request_payload["subscription"]
        current = await self._load(subscription)
        price = self.plan_catalog.get(current["plan"], 0)
        if price == 0:
            await self._close(subscription, "free-plan")
            return
        charge = await self._charge(subscription, price)
        if charge["status"] != 200:
            await self.ctx.sleep("retry-delay", "1d")
            await self._charge(subscription, price)
        await self._close(subscription, "renewed")

    async def _load(self, subscription: str) -> dict:
        return await self.ctx.run("load-subscription", lambda: billing_get(f"/subscriptions/{subscription}"))

    async def _charge(self, subscription: str, price: int) -> dict:
        return await self.ctx.run(
            "charge",
            lambda: billing_post("/charges", {"subscription": subscription, "amount": price}),
        )

    async def _close(self, subscription: str, reason: str) -> None:
        await self.ctx.run(
            "close-cycle",
            lambda: billing_post(f"/subscriptions/{subscription}/close", {"reason": reason}),
        )

    async def on_renew_failed(self, context, fail_status, fail_response, fail_headers) -> None:
        failed_at = datetime.now(timezone.utc).isoformat()
        async with httpx.AsyncClient(timeout=5) as client:
            await client.post(
                f"{BILLING_API}/alerts",
                json={"run": context.workflow_run_id, "status": fail_status, "at": failed_at},
            )
        if fail_status >= 500:
            log.error("renewal failed: %s", fail_response)


class PlanChangeRoutes:
    fee_cents = 500

    @serve.post("/plans/change")
    async def change(self, context: AsyncWorkflowContext[dict]) -> None:
        subscription = context.request_payload["subscription"]
        target = context.request_payload["target_plan"]
        preview = await context.run(
            "preview-change",
            lambda: billing_post("/plans/preview", {"subscription": subscription, "target": target}),
        )
        if preview["body"]["proration_cents"] > 0:
            await context.run(
                "charge-proration",
                lambda: billing_post("/charges", {"subscription": subscription, "amount": preview["body"]["proration_cents"] + self.fee_cents}),
            )
        await context.run("apply-change", lambda: billing_post("/plans/apply", {"subscription": subscription, "target": target}))


class PlanAudit:
    checks = ("seats", "addons", "discounts")

    @classmethod
    async def audit(cls, context: AsyncWorkflowContext[dict]) -> None:
        account = context.request_payload["account"]
        for check in cls.checks:
            await cls._run_check(context, account, check)
        await context.sleep("settle", 300)
        await context.run("audit-report", lambda: billing_post("/audits/report", {"account": account}))

    @classmethod
    async def _run_check(cls, context: AsyncWorkflowContext[dict], account: str, check: str) -> None:
        result = await context.run(f"check-{check}", lambda: billing_get(f"/accounts/{account}/audit/{check}"))
        if result.get("violations"):
            await context.run(f"fix-{check}", lambda: billing_post(f"/accounts/{account}/fix/{check}", result))


renewals = RenewalFlow({"starter": 900, "team": 4900, "free": 0})
renew = async_serve(route_function=renewals.renew, failure_function=renewals.on_renew_failed)
app.add_api_route("/subscriptions/renew", renew["handler"], methods=["POST"])
serve.post("/plans/audit")(PlanAudit.audit)
