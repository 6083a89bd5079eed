"""Caveats page, the fix of the non-idempotent example: the read inside `context.run`.

Clean. Nearest runnable version of the page's fix: the page returns the row from the step and
tests `result.should_return`, but a step's result comes back from JSON (a row object does not
even get there: json.dumps rejects it), so the step returns a dict and the route reads
`result["should_return"]`. The replay: the read runs once, its answer is recorded, and the run
returns early consistently on every later call.
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

    async def _get_result_from_db() -> dict:
        row = await get_result_from_db(entry_id)
        return {"should_return": row.should_return}

    result = await context.run("get-result-from-db", _get_result_from_db)

    if result["should_return"]:
        return

    await context.run("process-entry", lambda: some_work(entry_id))
