# shapes: an OnboardingFlow class whose __init__ stores typing.cast(AsyncWorkflowContext[dict], context) as self._ctx, its methods calling self._ctx.run (instance created in the route); register_workflows(serve: Serve) registering in the call form with failure_function=; a failure function that reads the clock and the CRM (not workflow code); registry clients used inside steps; a random A/B variant in a conditional expression (a source, no decision there) that decides steps in a later if; a method that makes a step called inside a step; try/except BaseException around a step in a method; a nested step function with a required parameter; an unawaited step assigned to a variable; a clock deadline used by sleep_until and by a step (not exempt); a clock value in a context.call body (fine)
import logging
import random
from datetime import datetime, timedelta, timezone
from typing import cast

from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from signupflow import crm, emails
from signupflow.registry import get_registry

logger = logging.getLogger(__name__)


class OnboardingFlow:
    def __init__(self, context) -> None:
        self._ctx = cast(AsyncWorkflowContext[dict], context)
        payload = self._ctx.request_payload
        self.email: str = payload["email"]
        self.plan: str = payload.get("plan", "free")

    async def create_account(self) -> str:
        return await self._ctx.run("create-account", lambda: crm.upsert_contact(self.email, plan=self.plan)["id"])

    async def provision_workspace(self, user_id: str) -> None:
        await self._ctx.run("provision-workspace", lambda: crm.provision(user_id))

    async def sync_marketing(self) -> None:
        try:
            await self._ctx.run("sync-marketing", lambda: crm.subscribe(self.email, list_id="newsletter"))
        except BaseException:  # expect: UWF305
            logger.warning("marketing sync failed for %s", self.email)

    async def personalise(self, user_id: str) -> str:
        async def _draft(profile: dict) -> str:
            client = get_registry().openai
            completion = client.chat.completions.create(
                model="gpt-4o-mini",
                messages=[{"role": "user", "content": f"Write a two line welcome for {profile['email']}"}],
            )
            return completion.choices[0].message.content

        return await self._ctx.run("draft-welcome", _draft)  # expect: UWF205

    async def grant_trial(self, user_id: str) -> None:
        if self.plan == "pro":
            pending = self._ctx.run("grant-trial", lambda: crm.start_trial(user_id, days=14))  # expect: UWF303
            logger.info("trial requested for %s: %r", user_id, pending)

    async def cache_profile(self, user_id: str) -> None:
        async def _cache() -> bool:
            registry = get_registry()
            with registry.session() as session:
                session.exec("UPDATE users SET onboarded = 1 WHERE id = :id", params={"id": user_id})
                session.commit()
            return bool(registry.redis.set(f"onboarded:{user_id}", self.email))

        await self._ctx.run("cache-profile", _cache)


async def onboard(context: AsyncWorkflowContext[dict]) -> None:
    flow = OnboardingFlow(context)
    variant = "video_tour" if random.random() < 0.5 else "email_tour"  # expect: UWF102

    user_id = await flow.create_account()
    await context.run("provision", lambda: flow.provision_workspace(user_id))  # expect: UWF202

    if variant == "video_tour":  # expect: UWF105
        await context.run("send-video-tour", lambda: emails.send(flow.email, "video_tour"))
    else:
        await context.run("send-email-tour", lambda: emails.send(flow.email, "email_tour"))

    await flow.sync_marketing()
    draft = await flow.personalise(user_id)
    await flow.grant_trial(user_id)
    await flow.cache_profile(user_id)

    checkin_at = datetime.now(timezone.utc) + timedelta(days=3)  # expect: UWF101
    await context.run("record-checkin", lambda: crm.set_field(flow.email, "checkin_at", checkin_at.isoformat()))
    await context.sleep_until("wait-for-checkin", checkin_at)
    await context.call(
        "checkin-webhook",
        url=emails.HOOK_URL,
        method="POST",
        body={"email": flow.email, "draft": draft, "sent_at": datetime.now(timezone.utc).isoformat()},
    )


async def onboarding_failed(context, fail_status, fail_response, fail_headers) -> None:
    email = context.request_payload.get("email", "unknown")
    logger.error("onboarding failed for %s with %s: %s", email, fail_status, fail_response)
    crm.flag_contact(email, reason=f"workflow-{fail_status}", at=datetime.now(timezone.utc).isoformat())
    if random.random() < 0.1:
        crm.flag_contact(email, reason="sampled-for-review", at=datetime.now(timezone.utc).isoformat())


def register_workflows(serve: Serve) -> None:
    serve.post("/workflows/onboard", failure_function=onboarding_failed)(onboard)
