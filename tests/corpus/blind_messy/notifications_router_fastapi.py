# shapes: correct. Serve(APIRouter) created inside build_router(settings) with three routes defined in it, one with an unannotated context; a module-level workflow helper shared by the three routes that picks context.call or context.run by channel; an HMAC check of context.headers and the payload with an early return before the first step; os.getenv feature flags deciding a continue before a helper's steps; time.time() directly in a context.call header; a pydantic Notification model validated from the payload in orchestration and model_dump() as a step result; a pure render helper calling another helper; sorted(..., key=lambda) over a step result; a loop of helper steps that breaks on a quota counter; an int sleep from a settings attribute
"""Notification fan-out workflows (email, sms, push, slack)."""
from __future__ import annotations

import functools
import hashlib
import hmac
import json
import logging
import os
import time
from dataclasses import dataclass

import httpx
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("notify.workflows")

PROVIDER_URL = os.environ.get("NOTIFY_PROVIDER_URL", "https://provider.internal")
SMS_URL = os.environ.get("SMS_GATEWAY_URL", "https://sms.internal/send")
PREFS_URL = os.environ.get("PREFS_URL", "https://prefs.internal")

TEMPLATES = {
    "welcome": "Welcome aboard, {name}!",
    "digest": "You have {count} new updates.",
    "password-reset": "Reset your password: {link}",
}
SHORT_TEMPLATES = {"welcome": "Welcome, {name}", "digest": "{count} updates"}

provider = httpx.Client(base_url=PROVIDER_URL, timeout=10)


@dataclass(frozen=True)
class Settings:
    signing_key: bytes
    broadcast_quota: int
    digest_delay_seconds: int

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            signing_key=os.environ.get("NOTIFY_SIGNING_KEY", "dev").encode(),
            broadcast_quota=int(os.environ.get("BROADCAST_QUOTA", "500")),
            digest_delay_seconds=int(os.environ.get("DIGEST_DELAY_SECONDS", "900")),
        )


class Notification(BaseModel):
    user_id: str
    template: str
    channels: list[str] = ["email"]
    variables: dict[str, str] = {}
    priority: int = 0


def _template_for(template: str, channel: str) -> str:
    if channel == "sms" and template in SHORT_TEMPLATES:
        return SHORT_TEMPLATES[template]
    return TEMPLATES.get(template, "{name}")


def render_message(template: str, variables: dict[str, str], channel: str) -> str:
    text = _template_for(template, channel)
    try:
        return text.format(**variables)
    except KeyError:
        return text


def signature_ok(headers: dict, payload: dict, key: bytes) -> bool:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
    expected = hmac.new(key, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(headers.get("x-notify-signature", ""), expected)


def load_preferences(user_id: str) -> dict:
    resp = httpx.get(f"{PREFS_URL}/users/{user_id}", timeout=5)
    resp.raise_for_status()
    return {"enabled": resp.json().get("channels", ["email"])}


def load_segment(segment: str) -> list[dict]:
    resp = httpx.get(f"{PREFS_URL}/segments/{segment}/members", timeout=30)
    resp.raise_for_status()
    return [
        {"user_id": m["id"], "channel": m.get("channel", "email"), "priority": m.get("priority", 0)}
        for m in resp.json()["members"]
    ]


def collect_digest_items(user_id: str) -> list[dict]:
    resp = provider.get(f"/digest/{user_id}")
    resp.raise_for_status()
    return resp.json()["items"]


def send_via_provider(channel: str, user_id: str, body: str) -> dict:
    resp = provider.post(f"/send/{channel}", json={"user_id": user_id, "body": body})
    resp.raise_for_status()
    return {"channel": channel, "id": resp.json()["id"]}


async def deliver(context: AsyncWorkflowContext[dict], channel: str, note: Notification) -> dict:
    body = render_message(note.template, note.variables, channel)
    if channel == "sms":
        response = await context.call(
            f"deliver-sms-{note.user_id}",
            url=SMS_URL,
            method="POST",
            body={"to": note.user_id, "text": body},
            headers={"X-Sent-At": str(int(time.time()))},
        )
        return {"channel": channel, "status": response.status_code}
    return await context.run(
        f"deliver-{channel}-{note.user_id}",
        functools.partial(send_via_provider, channel, note.user_id, body),
    )


def build_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/workflows/notify")
    serve = Serve(router)

    @serve.post("/single")
    async def notify_single(context: AsyncWorkflowContext[dict]) -> None:
        if not signature_ok(context.headers, context.request_payload, settings.signing_key):
            logger.warning("bad signature on notify run %s", context.workflow_run_id)
            return
        note = Notification.model_validate(context.request_payload)
        prefs = await context.run("load-preferences", functools.partial(load_preferences, note.user_id))
        delivered = 0
        for channel in note.channels:
            if channel not in prefs["enabled"]:
                logger.info("user %s opted out of %s", note.user_id, channel)
                continue
            if channel == "push" and not os.getenv("PUSH_ENABLED"):
                continue
            if channel == "slack" and os.getenv("SLACK_NOTIFICATIONS", "off") != "on":
                continue
            result = await deliver(context, channel, note)
            delivered += 1
            logger.info("delivered %s to %s: %s", note.template, note.user_id, result)
        if not delivered:
            await context.run("record-undeliverable", lambda: {"user_id": note.user_id, "template": note.template})

    @serve.post("/broadcast")
    async def broadcast(context: AsyncWorkflowContext[dict]) -> None:
        segment = context.request_payload["segment"]
        template = context.request_payload.get("template", "digest")
        audience = await context.run("load-audience", functools.partial(load_segment, segment))
        ordered = sorted(audience, key=lambda member: (-member["priority"], member["user_id"]))
        sent = 0
        for member in ordered:
            if sent >= settings.broadcast_quota:
                logger.warning("broadcast %s hit quota after %d sends", segment, sent)
                break
            note = Notification(user_id=member["user_id"], template=template, channels=[member["channel"]])
            await deliver(context, member["channel"], note)
            sent += 1
        await context.run("record-broadcast", lambda: {"segment": segment, "sent": sent})

    @serve.post("/digest")
    async def digest(context) -> None:
        user_id = context.request_payload["user_id"]
        items = await context.run("collect-digest", functools.partial(collect_digest_items, user_id))
        if not items:
            logger.info("empty digest for %s", user_id)
            return
        note = Notification(user_id=user_id, template="digest", variables={"count": str(len(items))})
        snapshot = await context.run("snapshot-digest", lambda: note.model_dump())
        logger.debug("digest snapshot for %s: %s", user_id, snapshot)
        await context.sleep("digest-quiet-period", settings.digest_delay_seconds)
        await deliver(context, "email", note)

    return router


app = FastAPI(title="notifications")
app.include_router(build_router(Settings.from_env()))
