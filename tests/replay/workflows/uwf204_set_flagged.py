"""A step that returns a set.

UWF204 at the returned set. The replay: the step runs, then the SDK's json.dumps of its result
raises "TypeError: Object of type set is not JSON serializable" and the call fails.
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

    async def _tags() -> set:
        return {"new", customer["tier"]}  # expect: UWF204

    tags = await context.run("collect-tags", _tags)
    await context.run("save-tags", lambda: save_record("tags", tags))
