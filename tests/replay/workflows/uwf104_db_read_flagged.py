"""Caveats page, "Avoid Non-deterministic Code Outside context.run", Non-idempotent functions.

UWF103 at the database read, UWF104 at the `return` it decides. Runnable version: the page's
`# ...` is a step that processes the entry. The replay: the row changes between calls, and the
call on which the dry run returns before any step is answered with HTTP 400 "Failed to
authenticate Workflow request".
"""

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from tests.replay.world import get_result_from_db, some_work

app = FastAPI()
serve = Serve(app)


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[dict]) -> None:
    entry_id = context.request_payload["entry_id"]

    # 👇 Problem: Non-idempotent function outside context.run:
    result = await get_result_from_db(entry_id)  # expect: UWF103
    if result.should_return:
        return  # expect: UWF104

    await context.run("process-entry", lambda: some_work(entry_id))
