# LLM research agent on an APIRouter: an OpenAI moderation call before the first step decides an early return, an eagerly awaited summarize() as the step argument, a pydantic model returned from a step and one dumped with model_dump(), an httpx AsyncClient used inside a step, summaries appended to a list in orchestration (correct)
import os

import httpx
from fastapi import APIRouter
from openai import AsyncOpenAI
from pydantic import BaseModel
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from research.store import store_finding

router = APIRouter()
serve = Serve(router)
client = AsyncOpenAI()

SEARCH_URL = os.environ.get("SEARCH_URL", "https://search.internal/api")
MODEL = os.environ.get("RESEARCH_MODEL", "gpt-4o-mini")


class Finding(BaseModel):
    topic: str
    summary: str
    sources: list[str]


async def summarize(text: str) -> str:
    response = await client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": f"Summarize:\n{text}"}],
    )
    return response.choices[0].message.content


@serve.post("/research")
async def research(context: AsyncWorkflowContext[dict]) -> None:
    topic = context.request_payload["topic"]

    moderation = await client.moderations.create(input=topic)  # expect: UWF103
    if moderation.results[0].flagged:
        return  # expect: UWF104

    async def _search() -> list:
        async with httpx.AsyncClient(timeout=20) as http:
            response = await http.get(SEARCH_URL, params={"q": topic})
            response.raise_for_status()
            return response.json()["results"][:5]

    results = await context.run("search", _search)

    notes = []
    for i, result in enumerate(results):
        note = await context.run(f"summarize-{i}", lambda r=result: summarize(r["content"]))
        notes.append(note)

    digest = await context.run("digest", await summarize("\n\n".join(notes)))  # expect: UWF203

    async def _finding():
        return Finding(topic=topic, summary=digest, sources=[r["url"] for r in results])  # expect: UWF204

    await context.run("finding", _finding)

    async def _finding_json() -> dict:
        return Finding(topic=topic, summary=digest, sources=[r["url"] for r in results]).model_dump()

    finding = await context.run("finding-json", _finding_json)
    await context.run("store", lambda: store_finding(finding))
