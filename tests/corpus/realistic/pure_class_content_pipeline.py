# Shapes (no findings expected): a class holding the context in self.ctx with methods as workflow helpers, step-factory methods and a staticmethod returning functools.partial, a plain method returning a step call that its caller awaits, OpenAI/httpx clients held in attributes used only inside steps, a route typed with a local Protocol, client construction (not I/O) in orchestration.
from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, Protocol

import httpx
from fastapi import FastAPI
from openai import AsyncOpenAI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)

CMS_URL = "https://cms.internal/api"


async def publish(post_id: str, body: str) -> dict:
    async with httpx.AsyncClient(base_url=CMS_URL) as client:
        response = await client.put(f"/posts/{post_id}", json={"body": body})
        return response.json()


class ContentPipeline:
    def __init__(self, ctx: AsyncWorkflowContext[dict], llm: AsyncOpenAI) -> None:
        self.ctx = ctx
        self.llm = llm
        self.cms = httpx.AsyncClient(base_url=CMS_URL)

    def _draft_step(self, topic: str) -> Callable[[], Awaitable[str]]:
        async def _draft() -> str:
            completion = await self.llm.chat.completions.create(
                model="gpt-4o-mini",
                messages=[{"role": "user", "content": f"Write a short post about {topic}"}],
            )
            return completion.choices[0].message.content or ""

        return _draft

    @staticmethod
    def publish_step(post_id: str, body: str) -> partial[Any]:
        return partial(publish, post_id, body)

    def wait_for_editor(self):
        return self.ctx.sleep("editor-review", "1d")

    async def _notify_editor(self, topic: str) -> None:
        async def _send() -> int:
            response = await self.cms.post("/notifications", json={"topic": topic})
            return response.status_code

        await self.ctx.run("notify-editor", _send)

    async def run(self) -> None:
        topic = self.ctx.request_payload["topic"]
        draft = await self.ctx.run("draft", self._draft_step(topic))
        await self._notify_editor(topic)
        await self.wait_for_editor()
        await self.ctx.run("publish", self.publish_step(topic, draft))


@serve.post("/content/pipeline")
async def content_pipeline(context: AsyncWorkflowContext[dict]) -> None:
    pipeline = ContentPipeline(context, AsyncOpenAI())
    await pipeline.run()


class StepRunner(Protocol):
    async def run(self, step_name: str, step_function: Callable[[], Any]) -> Any: ...

    async def sleep(self, step_name: str, duration: int | str) -> None: ...


@serve.post("/content/translate")
async def translate(context: StepRunner) -> None:
    async def _translate() -> dict:
        return {"translated": True}

    result = await context.run("translate", _translate)
    await context.sleep("cool-down", 30)
    await context.run("store", lambda: {"stored": result["translated"]})
