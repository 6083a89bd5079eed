"""The race moved inside one step: the sources race as plain coroutines, the winner is recorded.

Clean. The replay: both sources are asked once, the fast one wins, and its offers are saved.
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
    async def _fastest_offers() -> list:
        done, pending = await asyncio.wait(
            [
                asyncio.ensure_future(fetch_offers("fast")),
                asyncio.ensure_future(fetch_offers("slow")),
            ],
            return_when=asyncio.FIRST_COMPLETED,
        )
        for task in pending:
            task.cancel()
        return done.pop().result()

    best = await context.run("fastest-offers", _fastest_offers)

    await context.run("save-offers", lambda: save_record("offers", best))
