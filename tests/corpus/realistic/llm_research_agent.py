# Shapes: OpenAI/Anthropic clients (module level) awaited in orchestration, a local async function awaited in orchestration (I/O by the spec), context.qstash_client calls, a route method whose clients live in attributes (httpx.AsyncClient, requests.Session) with a response deciding a step; the same clients inside steps are fine.
from __future__ import annotations

import logging
from functools import partial

import httpx
import requests
from anthropic import AsyncAnthropic
from fastapi import FastAPI
from openai import AsyncOpenAI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI()
serve = Serve(app)

client = AsyncOpenAI()
claude = AsyncAnthropic()
MODEL = "gpt-4o-mini"
SEARCH_API = "https://search.internal"
RESULTS_URL = "https://api.example.com/research/results"


async def summarize(text: str) -> str:
    completion = await client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": f"Summarize: {text}"}]
    )
    return completion.choices[0].message.content or ""


@serve.post("/research")
async def research(context: AsyncWorkflowContext[dict]) -> None:
    question = context.request_payload["question"]

    messages = [{"role": "user", "content": question}]
    plan = await client.chat.completions.create(model=MODEL, messages=messages)  # expect: UWF103
    logger.info("plan: %s", plan.choices[0].message.content)

    outline = await summarize(question)  # expect: UWF103

    async def _search() -> str:
        message = await claude.messages.create(
            model="claude-3-5-haiku-latest",
            max_tokens=1024,
            messages=[{"role": "user", "content": outline}],
        )
        return message.content[0].text

    findings = await context.run("search", _search)
    answer = await context.run("summarize", partial(summarize, findings))

    body = {"answer": answer}
    await context.qstash_client.message.publish_json(url=RESULTS_URL, body=body)  # expect: UWF103


class Researcher:
    def __init__(self) -> None:
        self.http = httpx.AsyncClient(base_url=SEARCH_API)
        self.session = requests.Session()

    async def research(self, context: AsyncWorkflowContext[dict]) -> None:
        query = context.request_payload["query"]

        quota = self.session.get(f"{SEARCH_API}/quota", timeout=3)  # expect: UWF103
        logger.info("quota status %s", quota.status_code)

        response = await self.http.get("/search", params={"q": query})  # expect: UWF103
        if response.status_code == 429:  # expect: UWF105
            await context.sleep("rate-limited", 60)

        async def _search() -> list:
            result = await self.http.get("/search", params={"q": query})
            result.raise_for_status()
            return result.json()["hits"]

        hits = await context.run("search", _search)
        await context.run("rank", lambda: sorted(hits, key=lambda h: h["score"], reverse=True))


researcher = Researcher()
serve.post("/research/v2")(researcher.research)
