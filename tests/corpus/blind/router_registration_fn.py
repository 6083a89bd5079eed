# Correct module. SDK imports inside try/except ImportError, Serve on an APIRouter handed to a function through a parameter annotated with the class, the call form serve.post(PATH)(fn), registration inside register_workflows(app), unannotated route functions, a helper receiving the context by keyword, a sort key lambda and a callback that are neither steps nor called, clock values only in log arguments
import logging
import time

from fastapi import APIRouter, FastAPI

try:
    from upstash_workflow import AsyncWorkflowContext
    from upstash_workflow.fastapi import Serve
except ImportError:  # the workflows are optional in local development
    Serve = None
    AsyncWorkflowContext = None

from crm.client import crm
from crm.events import on_page_fetched

logger = logging.getLogger("crm.workflows")


async def sync_page(*, context: "AsyncWorkflowContext[dict]", cursor: str | None) -> str | None:
    page = await context.run(f"fetch-page-{cursor or 'first'}", lambda: crm.fetch_contacts(cursor))
    ordered = sorted(page["contacts"], key=lambda c: c["updated_at"])
    crm.subscribe(on_page_fetched, callback=lambda event: logger.debug("page event %s", event))
    await context.run(f"upsert-{cursor or 'first'}", lambda: crm.upsert_contacts(ordered))
    return page.get("next_cursor")


async def sync_crm(context) -> None:
    logger.info("crm sync call at %s", time.time())
    cursor = context.request_payload.get("cursor")
    for _ in range(100):
        cursor = await sync_page(context=context, cursor=cursor)
        if cursor is None:
            break
    await context.run("finish", lambda: crm.mark_synced())


async def backfill(context) -> None:
    since = context.request_payload["since"]
    backfill_id = context.workflow_run_id

    async def _start() -> dict:
        job = await crm.start_backfill(since, job_id=backfill_id)
        return {"job_id": job.id}

    job = await context.run("start-backfill", _start)
    await context.sleep("let-it-run", "10m")
    await context.run("finish-backfill", lambda: crm.finish_backfill(job["job_id"]))


def attach_routes(serve: Serve) -> None:
    serve.post("/workflows/crm-sync")(sync_crm)
    serve.post("/workflows/crm-backfill")(backfill)


def register_workflows(app: FastAPI) -> None:
    if Serve is None:
        logger.warning("upstash_workflow is not installed, workflows disabled")
        return
    router = APIRouter(prefix="/internal")
    attach_routes(Serve(router))
    app.include_router(router)
