# shapes: async_serve(fn) positional with the handler mounted on Starlette, untyped context named `ctx`, invalid sleep durations: a float literal, a true division, timedelta(...).total_seconds(), float(...), a module-level float constant, a negative int, a number string without unit, a compound duration string; fine: floor division, int(total_seconds()), an int constant, an unknown payload value, "2w"/"3mo"/"45m", sleep_until with a float timestamp; asyncio.sleep in orchestration (bug) and inside a step (fine)
import asyncio
import time
from datetime import timedelta

import httpx
from starlette.applications import Starlette
from starlette.routing import Route
from upstash_workflow import async_serve

MAIL_API = "https://mail.example.com/reminders"
RETRY_BACKOFF = 2.5
REMINDER_EVERY = 3600
TRIAL_DAYS = 14


async def send_reminder(user_id: str, kind: str) -> int:
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(MAIL_API, json={"user": user_id, "kind": kind})
        await asyncio.sleep(0.5)
        return resp.status_code


async def trial_reminders(ctx) -> None:
    user_id = ctx.request_payload["user_id"]
    window = int(ctx.request_payload.get("window", 600))
    delay = ctx.request_payload.get("delay", 30)

    await ctx.run("welcome", lambda: send_reminder(user_id, "welcome"))
    await ctx.sleep("first-nudge", 1.5)  # expect: UWF307
    await ctx.sleep("half-window", window / 2)  # expect: UWF307
    await ctx.sleep("half-window-int", window // 2)
    await ctx.run("nudge", lambda: send_reminder(user_id, "nudge"))

    await ctx.sleep("mid-trial", timedelta(days=TRIAL_DAYS // 2).total_seconds())  # expect: UWF307
    await ctx.sleep("mid-trial-int", int(timedelta(days=TRIAL_DAYS // 2).total_seconds()))
    await ctx.sleep("backoff", RETRY_BACKOFF)  # expect: UWF307
    await ctx.sleep("requested", float(delay))  # expect: UWF307
    await ctx.sleep("requested-raw", delay)
    await ctx.sleep("hourly", REMINDER_EVERY)
    await ctx.run("mid-trial-mail", lambda: send_reminder(user_id, "mid-trial"))

    await ctx.sleep("rewind", -30)  # expect: UWF307
    await ctx.sleep("ninety", "90")  # expect: UWF307
    await ctx.sleep("ninety-minutes", "1h30m")  # expect: UWF307
    await ctx.sleep("fortnight", "2w")
    await ctx.sleep("quarter", "3mo")
    await ctx.sleep("grace", "45m")

    await asyncio.sleep(1)  # expect: UWF107
    await ctx.sleep_until("trial-end", time.time() + TRIAL_DAYS * 86400.0)
    await ctx.run("trial-ended", lambda: send_reminder(user_id, "ended"))


reminders = async_serve(trial_reminders)

app = Starlette(routes=[Route("/trial/reminders", reminders["handler"], methods=["POST"])])
