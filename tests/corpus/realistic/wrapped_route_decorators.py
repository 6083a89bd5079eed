# Shapes: route functions wrapped by a decorator of the file built with functools.wraps (looked through), a functools.cache helper doing requests called from orchestration, a wrapped route without steps, a wrapper that only logs around the wrapped call.
from __future__ import annotations

import functools
import logging
from functools import partial

import requests
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI()
serve = Serve(app)

FEED_VERSION_URL = "https://feeds.internal/version"


def traced(fn):
    @functools.wraps(fn)
    async def wrapper(context, *args, **kwargs):
        logger.info("workflow %s: call for run %s", fn.__name__, context.workflow_run_id)
        try:
            return await fn(context, *args, **kwargs)
        finally:
            logger.info("workflow %s: call finished", fn.__name__)

    return wrapper


@functools.cache
def current_feed_version() -> str:
    return requests.get(FEED_VERSION_URL, timeout=3).text.strip()


def fetch_feed(source: str, version: str) -> dict:
    return {"source": source, "version": version, "items": []}


def store_items(source: str, items: list) -> dict:
    return {"source": source, "stored": len(items)}


@serve.post("/feeds/ingest")
@traced
async def ingest(context: AsyncWorkflowContext[dict]) -> None:
    source = context.request_payload["source"]
    version = current_feed_version()  # expect: UWF103
    feed = await context.run("fetch", partial(fetch_feed, source, version))
    await context.sleep("rate-limit", 10)
    await context.run("store", partial(store_items, source, feed["items"]))


@serve.post("/feeds/ping")
@traced
async def ping(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
    logger.info("feed ping from %s", context.request_payload.get("source"))


@serve.post("/feeds/reindex")
@traced
async def reindex(context: AsyncWorkflowContext[dict]) -> None:
    source = context.request_payload["source"]

    def _reindex() -> dict:
        version = current_feed_version()
        return {"source": source, "version": version}

    await context.run("reindex", _reindex)
