"""Two gathered steps whose functions never suspend (no I/O): no parallel-steps error.

The first step runs to its end (and raises WorkflowAbort) before the second one starts, so the
SDK runs one step per call. Real steps do I/O and suspend; see uwf302_gather_flagged.
"""

import asyncio

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import reserve_stock, save_record

app = FastAPI()
serve = Serve(app)


@serve.post("/api/gathered")
async def gathered(context: AsyncWorkflowContext[dict]) -> None:
    await asyncio.gather(
        context.run("reserve", lambda: reserve_stock("sku-1")),
        context.run("save", lambda: save_record("order", "order-1")),
    )
