# shapes: correct. async_serve(route_function=..., failure_function=functools.partial(...)) and async_serve(fn) mounted on FastAPI with add_api_route; a PipelineRun service object built in the route with the context (annotated __init__, kept on self.ctx) whose async methods make the steps; a method returning a nested def step factory; a str Enum of stage names; AsyncOpenAI and httpx used only inside steps; asyncio.sleep inside a function called only from steps; a batched loop of steps with an int pause every tenth batch; a step reading self attributes; a clock read in a logging argument; a failure function that reads the clock and posts to Slack
"""Document indexing pipeline (RAG corpus refresh).

The ML platform team runs this for every collection change event. Embedding
calls are rate limited by the provider, hence the pauses.
"""
import asyncio
import functools
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Callable

import httpx
from fastapi import FastAPI
from openai import AsyncOpenAI
from upstash_workflow import AsyncWorkflowContext, async_serve

log = logging.getLogger("ml.docs.index")


class Stage(str, Enum):
    FETCH = "fetch-documents"
    CHUNK = "chunk"
    EMBED = "embed"
    PAUSE = "embed-pause"
    SUMMARY = "summary"
    REPORT = "report"


@dataclass(frozen=True)
class PipelineSettings:
    corpus_url: str
    vector_url: str
    slack_webhook: str
    embed_model: str = "text-embedding-3-small"
    summary_model: str = "gpt-4o-mini"
    batch_size: int = 64
    pause_every: int = 10
    pause_seconds: int = 20

    @classmethod
    def from_env(cls) -> "PipelineSettings":
        return cls(
            corpus_url=os.environ["CORPUS_URL"],
            vector_url=os.environ["VECTOR_URL"],
            slack_webhook=os.environ["SLACK_WEBHOOK_URL"],
            batch_size=int(os.environ.get("EMBED_BATCH_SIZE", "64")),
        )


SETTINGS = PipelineSettings.from_env()
openai_client = AsyncOpenAI()
http = httpx.AsyncClient(timeout=30)


async def fetch_documents(collection: str) -> list[dict[str, Any]]:
    resp = await http.get(f"{SETTINGS.corpus_url}/collections/{collection}/documents")
    resp.raise_for_status()
    return [{"id": d["id"], "text": d["text"]} for d in resp.json()["documents"]]


def split_text(text: str, size: int = 800) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)]


async def embed_batch(texts: list[str]) -> list[list[float]]:
    result = await openai_client.embeddings.create(model=SETTINGS.embed_model, input=texts)
    await asyncio.sleep(0.2)
    return [item.embedding for item in result.data]


async def upsert_vectors(collection: str, ids: list[str], vectors: list[list[float]]) -> dict[str, int]:
    resp = await http.post(
        f"{SETTINGS.vector_url}/collections/{collection}/upsert",
        json={"ids": ids, "vectors": vectors},
    )
    resp.raise_for_status()
    return {"upserted": len(ids)}


async def count_vectors(collection: str) -> int:
    resp = await http.get(f"{SETTINGS.vector_url}/collections/{collection}/count")
    resp.raise_for_status()
    return int(resp.json()["count"])


async def purge_vectors(collection: str) -> dict[str, bool]:
    resp = await http.delete(f"{SETTINGS.vector_url}/collections/{collection}")
    resp.raise_for_status()
    return {"purged": True}


class PipelineRun:
    def __init__(self, ctx: AsyncWorkflowContext[dict], settings: PipelineSettings) -> None:
        self.ctx = ctx
        self.settings = settings
        self.collection = ctx.request_payload["collection"]

    async def fetch(self) -> list[dict[str, Any]]:
        return await self.ctx.run(Stage.FETCH.value, functools.partial(fetch_documents, self.collection))

    def chunk_step(self, docs: list[dict[str, Any]]) -> Callable[[], list[dict[str, str]]]:
        def _chunk() -> list[dict[str, str]]:
            chunks = []
            for doc in docs:
                for n, piece in enumerate(split_text(doc["text"])):
                    chunks.append({"id": f"{doc['id']}:{n}", "text": piece})
            return chunks

        return _chunk

    async def embed_all(self, chunks: list[dict[str, str]]) -> int:
        total = 0
        size = self.settings.batch_size
        for start in range(0, len(chunks), size):
            batch = chunks[start:start + size]
            index = start // size

            async def _embed_and_upsert(batch=batch) -> dict[str, int]:
                vectors = await embed_batch([c["text"] for c in batch])
                return await upsert_vectors(self.collection, [c["id"] for c in batch], vectors)

            result = await self.ctx.run(f"{Stage.EMBED.value}-{index}", _embed_and_upsert)
            total += result["upserted"]
            log.debug("collection %s batch %s upserted %s", self.collection, index, result["upserted"])
            if index and index % self.settings.pause_every == 0:
                await self.ctx.sleep(f"{Stage.PAUSE.value}-{index}", self.settings.pause_seconds)
        return total

    async def summarize(self, docs: list[dict[str, Any]]) -> str:
        async def _summary() -> str:
            sample = "\n\n".join(d["text"][:500] for d in docs[:20])
            completion = await openai_client.chat.completions.create(
                model=self.settings.summary_model,
                messages=[
                    {"role": "system", "content": "Summarize this corpus in three sentences."},
                    {"role": "user", "content": sample},
                ],
            )
            return completion.choices[0].message.content or ""

        return await self.ctx.run(Stage.SUMMARY.value, _summary)

    async def report(self, total: int, summary: str) -> None:
        await self.ctx.call(
            Stage.REPORT.value,
            url=self.settings.slack_webhook,
            method="POST",
            body={"text": f"Indexed {total} chunks of {self.collection}. {summary}"},
        )


async def on_index_failure(context, fail_status, fail_response, fail_headers, channel="#ml-alerts"):
    log.error("index run %s failed: %s %s", context.workflow_run_id, fail_status, fail_response)
    await http.post(
        SETTINGS.slack_webhook,
        json={
            "channel": channel,
            "text": f"index run {context.workflow_run_id} failed at {datetime.now(timezone.utc):%H:%M}",
        },
    )


async def index_collection(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload or {}
    if not payload.get("collection"):
        log.error("index run %s without a collection", context.workflow_run_id)
        return
    log.info(
        "indexing %s (run %s) at %s",
        payload["collection"],
        context.workflow_run_id,
        datetime.now(timezone.utc).isoformat(),
    )

    run = PipelineRun(context, SETTINGS)
    docs = await run.fetch()
    if not docs:
        log.info("collection %s is empty", run.collection)
        await run.report(0, "Nothing to index.")
        return

    chunks = await context.run(Stage.CHUNK.value, run.chunk_step(docs))
    log.info("collection %s: %d documents, %d chunks", run.collection, len(docs), len(chunks))
    total = await run.embed_all(chunks)

    summary = ""
    if payload.get("summarize", True):
        summary = await run.summarize(docs)
    await run.report(total, summary)


async def purge_collection(context: AsyncWorkflowContext[dict]) -> None:
    collection = context.request_payload["collection"]
    count = await context.run("count-vectors", functools.partial(count_vectors, collection))
    if count == 0:
        log.info("collection %s already empty", collection)
        return
    await context.run("purge", functools.partial(purge_vectors, collection))
    await context.sleep("purge-settle", "5m")
    remaining = await context.run("verify-purge", functools.partial(count_vectors, collection))
    if remaining:
        log.warning("collection %s still has %s vectors after purge", collection, remaining)
        await context.run("purge-again", functools.partial(purge_vectors, collection))


index_endpoint = async_serve(
    route_function=index_collection,
    failure_function=functools.partial(on_index_failure, channel="#ml-pipeline"),
    retries=2,
)
purge_endpoint = async_serve(purge_collection)

app = FastAPI(title="doc-index")
app.add_api_route("/workflows/index", index_endpoint["handler"], methods=["POST"])
app.add_api_route("/workflows/purge", purge_endpoint["handler"], methods=["POST"])
