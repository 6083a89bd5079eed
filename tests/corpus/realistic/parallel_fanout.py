# Shapes: concurrent step calls: asyncio.gather over literal step calls (multi-line), gather of a list comprehension held in a variable, asyncio.wait with FIRST_COMPLETED over tasks, asyncio.wait_for and asyncio.timeout around one step; sequential awaits and a single create_task awaited alone (fine).
from __future__ import annotations

import asyncio
from functools import partial

from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

app = FastAPI()
serve = Serve(app)

NEWS_SOURCES = ("reuters", "bloomberg", "ft")
QUOTE_URL = "https://quotes.example.com/v1/quote"
MIRRORS = {"eu": "https://eu.mirror.example.com/ping", "us": "https://us.mirror.example.com/ping"}


def fetch_profile(company: str) -> dict:
    return {"company": company}


def fetch_funding(company: str) -> dict:
    return {"company": company, "rounds": []}


def fetch_news(company: str, source: str) -> list:
    return [f"{company}@{source}"]


def build_report(company: str) -> dict:
    return {"company": company, "pages": 12}


@serve.post("/enrich")
async def enrich(context: AsyncWorkflowContext[dict]) -> None:
    company = context.request_payload["company"]

    profile, funding = await asyncio.gather(  # expect: UWF302
        context.run("profile", partial(fetch_profile, company)),
        context.run("funding", partial(fetch_funding, company)),
    )

    tasks = [context.run(f"news-{src}", partial(fetch_news, company, src)) for src in NEWS_SOURCES]
    news = await asyncio.gather(*tasks)  # expect: UWF302

    await context.run("store", lambda: {"profile": profile, "funding": funding, "news": news})


@serve.post("/mirror-check")
async def mirror_check(context: AsyncWorkflowContext[dict]) -> None:
    pending = [
        asyncio.create_task(context.call(f"ping-{region}", url=url))
        for region, url in MIRRORS.items()
    ]
    done, _ = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)  # expect: UWF302
    await context.run("record-fastest", lambda: {"done": len(done)})


@serve.post("/quote")
async def quote(context: AsyncWorkflowContext[dict]) -> None:
    symbol = context.request_payload["symbol"]
    url = f"{QUOTE_URL}?s={symbol}"
    price = await asyncio.wait_for(context.call("quote", url=url), timeout=30)  # expect: UWF302

    async with asyncio.timeout(120):  # expect: UWF302
        await context.run("report", partial(build_report, symbol))

    await context.run("store-price", lambda: {"symbol": symbol, "status": price.status})


@serve.post("/enrich/sequential")
async def enrich_sequential(context: AsyncWorkflowContext[dict]) -> None:
    company = context.request_payload["company"]
    profile = await context.run("profile", partial(fetch_profile, company))
    funding = await context.run("funding", partial(fetch_funding, company))
    news = [
        await context.run(f"news-{src}", partial(fetch_news, company, src)) for src in NEWS_SOURCES
    ]

    background = asyncio.create_task(context.run("report", partial(build_report, company)))
    report = await background

    await context.run("store", lambda: {"p": profile, "f": funding, "n": news, "r": report})
