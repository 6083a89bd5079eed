"""A timestamp read outside a step and used by two steps.

UWF101 at `time.time()`. The replay: each step gets the clock of the call that runs it, so the
saved order and the confirmation e-mail disagree on when the order was placed.
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
    placed_at = time.time()  # expect: UWF101

    await context.run("save-order", lambda: save_record("order", (order["id"], placed_at)))
    await context.run("confirm", lambda: send_email(order["email"], f"placed at {placed_at}"))
