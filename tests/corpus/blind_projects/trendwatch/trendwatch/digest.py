# shapes: workflow helper annotated with the SDK context in a workflow module (its findings are reported here, not at its call in routes.py): random A/B variant deciding steps, a step nested directly in a step, an unawaited context.call, and a clock value that only reaches sleep_until (exempt)
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from upstash_workflow import AsyncWorkflowContext

from trendwatch.services import load_watchlist

DELIVERY_URL = "https://mailer.internal.example.com/v1/digests"
SHORT_DIGEST_LINES = 5


def render_digest(topics: list[str], long_form: bool) -> str:
    lines = [f"- {topic}" for topic in topics]
    if not long_form:
        lines = lines[:SHORT_DIGEST_LINES]
    return "Trending this week:\n" + "\n".join(lines)


async def publish_digest(context: AsyncWorkflowContext[dict], audience: str) -> None:
    topics = await context.run("load-topics", lambda: load_watchlist(audience))

    variant = random.choice(["short", "long"])  # expect: UWF102
    if variant == "long":  # expect: UWF105
        body = await context.run("render-long", lambda: render_digest(topics, long_form=True))
    else:
        body = await context.run("render-short", lambda: render_digest(topics, long_form=False))

    send_at = datetime.now(timezone.utc) + timedelta(hours=12)
    await context.sleep_until("wait-for-send-window", send_at)

    async def _check_quota() -> dict:
        await context.sleep("quota-backoff", 30)  # expect: UWF202
        return {"audience": audience, "ok": True}

    await context.run("check-quota", _check_quota)

    context.call("deliver-digest", url=DELIVERY_URL, method="POST", body={"audience": audience, "body": body})  # expect: UWF303
