"""The step returns a sorted list instead of a set.

Clean. The replay: the tags are recorded and saved.
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import save_record

app = FastAPI()
serve = Serve(app)


@serve.post("/api/customers")
async def tag_customer(context: AsyncWorkflowContext[dict]) -> None:
    customer = context.request_payload

    async def _tags() -> list:
        return sorted({"new", customer["tier"]})

    tags = await context.run("collect-tags", _tags)
    await context.run("save-tags", lambda: save_record("tags", tags))
