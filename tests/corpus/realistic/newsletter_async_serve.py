# Shapes: async_serve registration; clocks from pendulum, arrow and django.utils.timezone, numpy.random in a conditional expression that decides nothing, time.strftime without a time argument feeding a step name, os.urandom reaching only a call body through a local (not exempt: not a clock), a clock helper feeding sleep_until through a local (exempt).
from __future__ import annotations

import os
import time
from functools import partial

import arrow
import numpy as np
import pendulum
from django.utils import timezone
from upstash_workflow import AsyncWorkflowContext, async_serve

ANALYTICS_URL = "https://analytics.internal/events"


def next_send_window() -> float:
    return pendulum.now("UTC").add(hours=1).start_of("hour").timestamp()


def render_issue(issue: dict) -> dict:
    return {"issue": issue["number"], "html": "<h1>news</h1>"}


def send_issue(issue: dict, segment: str) -> dict:
    return {"issue": issue["number"], "segment": segment}


def send_weekend_edition(issue: dict) -> dict:
    return {"issue": issue["number"], "weekend": True}


async def newsletter(context: AsyncWorkflowContext[dict]) -> None:
    issue = context.request_payload["issue"]

    edition = time.strftime("%Y-%W")  # expect: UWF101
    await context.run(f"render-{edition}", partial(render_issue, issue))  # expect: UWF106

    send_at = next_send_window()
    await context.sleep_until("wait-send-window", send_at)

    segment = "vip" if np.random.rand() > 0.9 else "all"  # expect: UWF102
    await context.run("send", partial(send_issue, issue, segment))

    nonce = os.urandom(8).hex()  # expect: UWF102
    await context.call("ping-analytics", url=ANALYTICS_URL, method="POST", body={"nonce": nonce})

    created = arrow.utcnow()  # expect: UWF101
    if created.weekday() == 5:  # expect: UWF105
        await context.run("weekend-edition", partial(send_weekend_edition, issue))

    if timezone.now().hour >= 20:  # expect: UWF101, UWF105
        await context.sleep("wait-morning", "10h")

    await context.run("done", lambda: {"issue": issue["number"]})


newsletter_handler = async_serve(newsletter)
