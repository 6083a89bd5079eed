# shapes: FastAPI Serve on an APIRouter; early returns and raises before and after the first step: an HMAC header gate and a payload check before the first step (fine), a requests.head status deciding a return before the first step (103, 104), a random chaos-drill raise before the first step (102, 105: a raise is not UWF104's), a datetime.now(ZoneInfo) quiet-hours return after the first step (101, 105); fine: a return on a step result, early returns inside a nested step body decided by the clock, sleep_until with a clock expression directly in its argument
import hashlib
import hmac
import logging
import os
import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import httpx
import requests
from fastapi import APIRouter, FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("gates")

router = APIRouter(prefix="/ops")
serve = Serve(router)

UPSTREAM = os.environ.get("UPSTREAM_GIT", "https://git.internal")
MIRROR_API = os.environ.get("MIRROR_API", "https://mirror.internal")
SECRET = os.environ.get("MIRROR_SECRET", "").encode()
CHAOS_RATE = float(os.environ.get("CHAOS_RATE", "0.02"))


async def mirror_call(path: str, body: dict) -> dict:
    async with httpx.AsyncClient(timeout=60) as client:
        resp = await client.post(f"{MIRROR_API}{path}", json=body)
        return {"status": resp.status_code, "body": resp.json()}


@serve.post("/mirror/sync")
async def mirror_sync(context: AsyncWorkflowContext[dict]) -> None:
    repo = context.request_payload.get("repo")
    if not repo:
        return
    expected = hmac.new(SECRET, repo.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, context.headers.get("x-mirror-signature", "")):
        log.warning("bad signature for %s", repo)
        return
    if requests.head(f"{UPSTREAM}/{repo}.git", timeout=3).status_code == 404:  # expect: UWF103
        log.warning("upstream %s is gone", repo)
        return  # expect: UWF104
    fetched = await context.run("fetch-upstream", lambda: mirror_call("/fetch", {"repo": repo}))
    if fetched["body"].get("up_to_date"):
        return
    await context.run("push-mirror", lambda: mirror_call("/push", {"repo": repo}))


@serve.post("/chaos/drill")
async def chaos_drill(context: AsyncWorkflowContext[dict]) -> None:
    service = context.request_payload["service"]
    if random.random() < CHAOS_RATE:  # expect: UWF102, UWF105
        raise RuntimeError(f"chaos drill for {service} aborted before start")
    await context.run("drain-traffic", lambda: mirror_call("/traffic/drain", {"service": service}))
    await context.sleep("observe", "10m")
    await context.run("restore-traffic", lambda: mirror_call("/traffic/restore", {"service": service}))


@serve.post("/notify/digest")
async def notify_digest(context: AsyncWorkflowContext[dict]) -> None:
    user = context.request_payload["user"]
    digest = await context.run("build-digest", lambda: mirror_call("/digests/build", {"user": user}))
    if not digest["body"]["items"]:
        return
    if datetime.now(ZoneInfo(digest["body"]["tz"])).hour < 8:  # expect: UWF101, UWF105
        log.info("quiet hours for %s", user)
        return
    await context.run("send-digest", lambda: mirror_call("/digests/send", {"user": user}))


@serve.post("/notify/reminder")
async def notify_reminder(context: AsyncWorkflowContext[dict]) -> None:
    user = context.request_payload["user"]

    async def _send_if_daytime() -> dict:
        now = datetime.now(timezone.utc)
        if now.hour < 7 or now.hour > 21:
            return {"sent": False, "checked_at": now.isoformat()}
        result = await mirror_call("/reminders/send", {"user": user})
        if result["status"] >= 400:
            return {"sent": False, "status": result["status"]}
        return {"sent": True}

    first = await context.run("send-reminder", _send_if_daytime)
    if first["sent"]:
        return
    await context.sleep_until("retry-window", datetime.now(timezone.utc) + timedelta(hours=10))
    await context.run("send-reminder-retry", _send_if_daytime)


app = FastAPI(title="gates")
app.include_router(router)
