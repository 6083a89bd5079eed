# shapes: workflow helpers annotated with a context alias from contexts.py in a workflow module (their findings are reported here, not at their calls in api.py): try/except Exception around a step, asyncio.sleep in orchestration, the documented WorkflowAbort re-raise (fine), a one-step helper that api.py calls inside a step, and a validation helper that makes no step
from __future__ import annotations

import asyncio
import logging

from upstash_workflow import WorkflowAbort

from researchbot.contexts import ResearchContext
from researchbot.llm import draft_report
from researchbot.search import fetch_pages, publish_report, store_page

logger = logging.getLogger(__name__)


def validate_request(context: ResearchContext) -> str:
    payload = context.request_payload or {}
    topic = str(payload.get("topic", "")).strip()
    if not topic:
        raise ValueError("a research request needs a topic")
    return topic


async def gather_sources(context: ResearchContext, topic: str) -> list[dict]:
    try:
        pages = await context.run("fetch-pages", lambda: fetch_pages(topic))
    except Exception:  # expect: UWF305
        logger.exception("fetching pages for %s failed", topic)
        pages = []
    await asyncio.sleep(1)  # expect: UWF107
    return pages


async def write_report(context: ResearchContext, topic: str, sources: list[dict]) -> dict:
    try:
        draft = await context.run("draft-report", lambda: draft_report(topic, sources))
    except Exception as exc:
        if isinstance(exc, WorkflowAbort):
            raise
        logger.error("drafting the report on %s failed: %s", topic, exc)
        draft = {"title": topic, "body": "", "source_count": 0}
    await context.sleep("review-window", "1h")
    return await context.run("publish-report", lambda: publish_report(draft))


async def cache_page(context: ResearchContext, url: str) -> dict:
    return await context.run(f"cache-{url}", lambda: store_page(url))
