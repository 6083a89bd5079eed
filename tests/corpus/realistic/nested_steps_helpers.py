# Shapes: step calls nested in step bodies: directly (awaited, and unawaited beside UWF303), through a workflow helper, through functools.partial(helper, context), through a method reached via self.context, and in a sync serve() step; time.sleep inside a step is fine.
from __future__ import annotations

import time
from functools import partial

from fastapi import FastAPI
from upstash_workflow import WorkflowContext, serve
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

app = FastAPI()
workflows = Serve(app)


def probe(video: dict) -> dict:
    return {"codec": "h264", "id": video["id"]}


async def encode(video: dict) -> dict:
    return {"id": video["id"], "renditions": ["720p", "1080p"]}


def upload(video_id: str, names: list) -> dict:
    return {"video": video_id, "uploaded": names}


async def log_progress(context: AsyncWorkflowContext[dict], stage: str) -> None:
    await context.run(f"progress-{stage}", lambda: {"stage": stage})


@workflows.post("/video/transcode")
async def transcode(context: AsyncWorkflowContext[dict]) -> None:
    video = context.request_payload
    report = partial(log_progress, context)
    await log_progress(context, "queued")

    async def _transcode() -> dict:
        await context.sleep("wait-for-worker", 10)  # expect: UWF202
        context.run("probe", partial(probe, video))  # expect: UWF202, UWF303
        await log_progress(context, "encoding")  # expect: UWF202
        return await encode(video)

    result = await context.run("transcode", _transcode)

    async def _publish() -> dict:
        await report("publishing")  # expect: UWF202
        return {"published": result["id"]}

    await context.run("publish", _publish)


class Publisher:
    def __init__(self, context: AsyncWorkflowContext[dict]) -> None:
        self.context = context

    async def announce(self, channel: str) -> None:
        await self.context.run(f"announce-{channel}", lambda: {"channel": channel})

    async def go(self) -> None:
        async def _finish() -> str:
            await self.announce("slack")  # expect: UWF202
            return "ok"

        await self.context.run("finish", _finish)


@workflows.post("/video/announce")
async def announce(context: AsyncWorkflowContext[dict]) -> None:
    publisher = Publisher(context)
    await publisher.go()


def thumbnails(context: WorkflowContext[dict]) -> None:
    video = context.request_payload

    def _generate() -> list:
        time.sleep(0.5)  # let the storage mount settle
        context.run("upload-thumbs", partial(upload, video["id"], ["t1.jpg"]))  # expect: UWF202
        return ["t1.jpg"]

    names = context.run("generate", _generate)
    context.run("index", partial(upload, video["id"], names))


thumbnails_handler = serve(thumbnails)
