"""The Python analog of `Promise.any` ("Avoid Promise.any" on the caveats page): racing steps.

UWF302 at `asyncio.wait(..., return_when=FIRST_COMPLETED)`. The replay: while the first step
works, the second one starts, and the SDK answers with "Running parallel steps is not yet
available".
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
    done, pending = await asyncio.wait(  # expect: UWF302
        [
            asyncio.ensure_future(context.run("fast-source", lambda: fetch_offers("fast"))),
            asyncio.ensure_future(context.run("slow-source", lambda: fetch_offers("slow"))),
        ],
        return_when=asyncio.FIRST_COMPLETED,
    )
    for task in pending:
        task.cancel()
    best = done.pop().result()

    await context.run("save-offers", lambda: save_record("offers", best))
