"""The timestamp read in a step of its own.

Clean. The replay: the clock is read once and both steps get the recorded value.
"""

import time

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import save_record, send_email

app = FastAPI()
serve = Serve(app)


@serve.post("/api/orders")
async def place_order(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload
    placed_at = await context.run("placed-at", time.time)

    await context.run("save-order", lambda: save_record("order", (order["id"], placed_at)))
    await context.run("confirm", lambda: send_email(order["email"], f"placed at {placed_at}"))
