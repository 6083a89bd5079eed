# shapes: bare @async_serve and async_serve(fn) registration, a sync bare @serve route, context alias from contexts.py, a chain api -> search -> http_util -> httpx.get reported at the call and its value iterated to make steps, `from pkg import mod` (search) and package re-exports (summarize_url, extract_keywords), annotated helpers from pipeline.py (no findings at their calls), an imported one-step helper called inside a step, a set returned by an imported helper as a step result, a camelCase context method, a route whose only helper makes no step
from __future__ import annotations

import uuid

from upstash_workflow import async_serve, serve

from researchbot import extract_keywords, search, summarize_url
from researchbot.contexts import ResearchContext
from researchbot.pipeline import cache_page, gather_sources, validate_request, write_report

NOTIFY_URL = "https://hooks.internal.example.com/research/done"


@async_serve
async def research(context: ResearchContext) -> None:
    topic = context.request_payload["topic"]
    urls = search.top_result_urls(topic)  # expect: UWF103
    summaries = []
    for url in urls:  # expect: UWF105
        summary = await context.run(f"summarize-{url}", lambda u=url: summarize_url(u))
        summaries.append(summary)
    await context.call("notify", url=NOTIFY_URL, method="POST", body={"topic": topic, "summaries": summaries})


async def deep_dive(context: ResearchContext) -> None:
    topic = validate_request(context)
    sources = await gather_sources(context, topic)
    report = await write_report(context, topic, sources)
    await context.run("record-run", lambda: {"topic": topic, "report_id": report["report_id"]})


deep_dive_handler = async_serve(deep_dive)["handler"]


@async_serve
async def keywords(context: ResearchContext) -> None:
    request_id = uuid.uuid4().hex  # expect: UWF102
    text = context.request_payload["text"]
    words = await context.run("extract-keywords", lambda: extract_keywords(text))  # expect: UWF204
    await context.run("store-keywords", lambda: {"request_id": request_id, "count": len(words)})


@async_serve
async def archive_sources(context: ResearchContext) -> None:
    topic = context.request_payload["topic"]
    urls = await context.run("list-urls", lambda: search.top_result_urls(topic, limit=20))

    async def _archive() -> int:
        for url in urls:
            await cache_page(context, url)  # expect: UWF202
        return len(urls)

    await context.run("archive", _archive)


@async_serve
async def dry_run(context: ResearchContext) -> None:  # expect: UWF301
    validate_request(context)


@serve
def reindex(context) -> None:
    index = context.request_payload.get("index", "default")
    context.run("rebuild-index", lambda: search.rebuild_index(index))
    context.sleepUntil("cool-down", context.request_payload["resume_at"])  # expect: UWF308
