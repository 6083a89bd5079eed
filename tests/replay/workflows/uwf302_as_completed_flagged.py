"""The `Promise.any` analog written with `asyncio.as_completed` over two steps.

UWF302 at `asyncio.as_completed`. The replay: the SDK answers with "Running parallel steps is
not yet available".
"""

import asyncio

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import fetch_offers, save_record

app = FastAPI()
serve = Serve(app)


@serve.post("/api/offers")
async def offers(context: AsyncWorkflowContext[dict]) -> None:
    racing = [
        context.run("fast-source", lambda: fetch_offers("fast")),
        context.run("slow-source", lambda: fetch_offers("slow")),
    ]
    for first in asyncio.as_completed(racing):  # expect: UWF302
        best = await first
        break

    await context.run("save-offers", lambda: save_record("offers", best))
