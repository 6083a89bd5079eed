# shapes: UWF302 four times, labelled on the `async with` line that holds the combinator call: `asyncio.TaskGroup()` holding two `create_task` steps; `TaskGroup` imported from asyncio holding a call step and a sleep step; `asyncio.timeout(...)` around one awaited run step; `asyncio.timeout(...)` around one awaited call step in a polling loop. Fine: `asyncio.TaskGroup` and `asyncio.timeout` over plain coroutines inside step bodies, and a `contextlib.AsyncExitStack` in a step
import asyncio
import contextlib
import logging
from asyncio import TaskGroup

import httpx
from fastapi import APIRouter
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("render-farm")

router = APIRouter(prefix="/render")
workflows = Serve(router)

FARM_URL = "https://farm.example.com"


async def render_frames(job_id: str, frames: list) -> dict:
    async with httpx.AsyncClient(timeout=60) as client:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(client.post(f"{FARM_URL}/jobs/{job_id}/frames/{f}")) for f in frames]
    return {"job": job_id, "rendered": sum(1 for t in tasks if t.result().status_code == 202)}


async def encode_video(job_id: str) -> str:
    async with contextlib.AsyncExitStack() as stack:
        client = await stack.enter_async_context(httpx.AsyncClient())
        async with asyncio.timeout(300):
            resp = await client.post(f"{FARM_URL}/jobs/{job_id}/encode")
    return resp.json()["video_url"]


async def warm_cache(job_id: str) -> bool:
    async with httpx.AsyncClient() as client:
        resp = await client.post(f"{FARM_URL}/jobs/{job_id}/warm")
    return resp.status_code < 300


@workflows.post("/jobs")
async def render_job(context: AsyncWorkflowContext[dict]) -> None:
    job = context.request_payload
    job_id = job["job_id"]
    frames = await context.run("plan-frames", lambda: list(range(job["first_frame"], job["last_frame"] + 1)))

    async with asyncio.TaskGroup() as tg:  # expect: UWF302
        warm = tg.create_task(context.run("warm-cache", lambda: warm_cache(job_id)))
        first_half = tg.create_task(context.run("render-first-half", lambda: render_frames(job_id, frames[: len(frames) // 2])))
    log.info("warm=%s first=%s", warm.result(), first_half.result())

    async with asyncio.timeout(900):  # expect: UWF302
        second_half = await context.run("render-second-half", lambda: render_frames(job_id, frames[len(frames) // 2 :]))
    log.info("second half: %s", second_half)

    video_url = await context.run("encode", lambda: encode_video(job_id))

    async with TaskGroup() as group:  # expect: UWF302
        group.create_task(context.call("publish-cdn", url=f"{FARM_URL}/cdn", method="POST", body={"video": video_url}))
        group.create_task(context.sleep("cdn-propagation", "5m"))

    for attempt in range(5):
        async with asyncio.timeout(60):  # expect: UWF302
            probe = await context.call(f"probe-{attempt}", url=video_url, method="HEAD")
        if probe.status_code == 200:
            break
        await context.sleep(f"probe-wait-{attempt}", 30 * (attempt + 1))

    await context.call("notify-owner", url=job["callback_url"], method="POST", body={"video": video_url})


@workflows.post("/thumbnails")
async def thumbnails(context: AsyncWorkflowContext[dict]) -> None:
    job_id = context.request_payload["job_id"]
    frames = await context.run("pick-frames", lambda: [0, 24, 48])
    rendered = await context.run("render-thumbs", lambda: render_frames(job_id, frames))
    await context.sleep("thumb-settle", 10)
    await context.call("store-thumbs", url=f"{FARM_URL}/jobs/{job_id}/thumbs", method="PUT", body=rendered)
