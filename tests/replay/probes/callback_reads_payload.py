"""A route that reads its payload before a `context.call`.

The call's result comes back as a request without the SDK's protocol header; the SDK takes it
for a first invocation, dry-runs the route function with the callback message as the payload,
and `context.request_payload["currency"]` raises KeyError.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import save_record

app = FastAPI()
serve = Serve(app)


@serve.post("/api/rates")
async def refresh_rate(context: AsyncWorkflowContext[dict]) -> None:
    currency = context.request_payload["currency"]
    response = await context.call("fetch-rate", url=f"https://rates.example.com/{currency}")
    await context.run("save-rate", lambda: save_record("rate", response.body))
