"""The SDK's own pattern: clock values as arguments of `sleep_until` and `call` (exempt).

Clean: a clock value that is only an argument of a step call (other than its name) is used
when the step first runs and never decides what runs. The replay: the run finishes; the call
is answered by the stand-in's canned response, which the next step saves.
"""

import time

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import save_record

app = FastAPI()
serve = Serve(app)


@serve.post("/api/rates")
async def refresh_rate(context: AsyncWorkflowContext[dict]) -> None:
    await context.sleep_until("wait-three-seconds", time.time() + 3)
    response = await context.call(
        "fetch-rate",
        url="https://rates.example.com/eur",
        method="POST",
        body={"requested_at": time.time()},
    )
    await context.run("save-rate", lambda: save_record("rate", response.body))
