"""Reads the clock, random numbers and an id from the workflow file, and the clock in a library."""

import random
import time
import uuid

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import save_record, timestamp

app = FastAPI()
serve = Serve(app)


@serve.post("/api/values")
async def values(context: AsyncWorkflowContext[dict]) -> None:
    read = [time.time(), random.random(), random.randint(1, 6), str(uuid.uuid4()), timestamp()]
    await context.run("save", lambda: save_record("values", read))
