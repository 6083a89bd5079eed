# shapes: module that imports the SDK (WorkflowAbort) but whose helpers take an unannotated context and are never called with it here: the clock read before run_campaign's steps is reported at its call in workflows.py, not here; the documented WorkflowAbort re-raise; a helper whose only step is a context.call
from __future__ import annotations

import logging
import time

from upstash_workflow import WorkflowAbort

from mailroom import audience
from mailroom.templates import render_template

logger = logging.getLogger(__name__)

TEST_SEND_URL = "https://mail.internal.example.com/v1/test"
BATCH_SIZE = 100


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


async def run_campaign(context, campaign_id: str) -> None:
    started_at = time.time()
    members = await context.run("load-members", lambda: audience.segment_members(campaign_id))
    html = await context.run("render", lambda: render_template(campaign_id))
    for number, batch in enumerate(_chunks(members, BATCH_SIZE)):
        try:
            await context.run(f"send-batch-{number}", lambda b=batch: audience.send_batch(b, html))
        except Exception as exc:
            if isinstance(exc, WorkflowAbort):
                raise
            logger.warning("batch %s of campaign %s failed: %s", number, campaign_id, exc)
    await context.run("record-stats", lambda: audience.record_stats(campaign_id, len(members), started_at))


async def send_test_message(context, email: str, campaign_id: str) -> None:
    await context.call(
        "send-test",
        url=TEST_SEND_URL,
        method="POST",
        body={"to": email, "campaign_id": campaign_id},
    )
