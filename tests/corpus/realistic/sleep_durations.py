# Shapes: sleep durations: float literal, module-level float constant, true division, total_seconds(), float() arithmetic, a local bound to float arithmetic, a negative number, malformed duration strings; fine: ints, floor division, int(total_seconds()), "30m"/"2mo"/"1w", a local with one int binding, sleep_until with floats and clocks, asyncio.sleep (UWF107 only).
from __future__ import annotations

import asyncio
import time
from datetime import timedelta

from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

app = FastAPI()
serve = Serve(app)

BACKOFF_BASE = 1.5
RETRY_SPACING = 300
COOL_DOWN = timedelta(minutes=10)


def redeliver(message_id: str, attempt: int) -> dict:
    return {"message_id": message_id, "attempt": attempt}


@serve.post("/delivery/retry")
async def retry_delivery(context: AsyncWorkflowContext[dict]) -> None:
    message_id = context.request_payload["message_id"]
    attempt = int(context.request_payload.get("attempt", 1))
    delay_hours = context.request_payload.get("delay_hours", 2)

    await context.sleep("initial-wait", 0.5)  # expect: UWF307
    await context.sleep("backoff", BACKOFF_BASE)  # expect: UWF307
    await context.sleep("spacing", RETRY_SPACING / attempt)  # expect: UWF307
    await context.sleep("spacing-floor", RETRY_SPACING // attempt)
    await context.sleep("cool-down", COOL_DOWN.total_seconds())  # expect: UWF307
    await context.sleep("cool-down-int", int(COOL_DOWN.total_seconds()))
    await context.sleep("configured", float(delay_hours) * 3600)  # expect: UWF307

    pause = attempt * 0.75
    await context.sleep("pause", pause)  # expect: UWF307

    await context.run("redeliver", lambda: redeliver(message_id, attempt))


@serve.post("/delivery/schedule")
async def schedule_delivery(context: AsyncWorkflowContext[dict]) -> None:
    message_id = context.request_payload["message_id"]
    attempt = int(context.request_payload.get("attempt", 1))

    await context.sleep("rewind", -60)  # expect: UWF307
    await context.sleep("overnight", "12 hours")  # expect: UWF307
    await context.sleep("half-day", "1.5d")  # expect: UWF307

    await context.sleep("short", "30m")
    await context.sleep("monthly", "2mo")
    await context.sleep("weekly", "1w")
    await context.sleep("fixed", RETRY_SPACING)

    wait = 60
    if attempt > 3:
        wait = 90.0
    await context.sleep("escalating", wait)

    await context.sleep_until("at-half-past", time.time() + 0.5)
    await context.sleep_until("in-an-hour", time.time() + COOL_DOWN.total_seconds() * 6)

    await asyncio.sleep(0.2)  # expect: UWF107

    await context.run("redeliver", lambda: redeliver(message_id, attempt))
