# Shapes: bare @serve / @async_serve decorators and serve(route_function=...), sync/async mismatches (async def under @serve, def under @async_serve with its unawaited step calls), a bare-decorated route without steps; handlers mounted later.
from __future__ import annotations

import logging

from upstash_workflow import AsyncWorkflowContext, WorkflowContext, async_serve, serve

logger = logging.getLogger("jobs")


def purge_expired() -> dict:
    return {"purged": 0}


def build_digest() -> dict:
    return {"items": []}


def create_invoices() -> dict:
    return {"created": 0}


def rebuild_index() -> dict:
    return {"ok": True}


@serve
def nightly_cleanup(context: WorkflowContext[dict]) -> None:
    context.run("purge", purge_expired)
    context.sleep("settle", 60)
    context.run("verify", lambda: {"verified": True})


@serve
async def weekly_digest(context):  # expect: UWF304
    await context.run("digest", build_digest)


@async_serve
def monthly_invoices(context):  # expect: UWF304
    context.run("invoice", create_invoices)  # expect: UWF303
    context.sleep("settle", "1d")  # expect: UWF303


@serve
def heartbeat(context: WorkflowContext[dict]) -> None:  # expect: UWF301
    logger.info("heartbeat from run %s", context.workflow_run_id)


async def reindex_search(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("rebuild", rebuild_index)
    await context.sleep("warm-cache", "5m")


reindex = async_serve(route_function=reindex_search)

HANDLERS = {
    "/jobs/cleanup": nightly_cleanup["handler"],
    "/jobs/digest": weekly_digest["handler"],
    "/jobs/invoices": monthly_invoices["handler"],
    "/jobs/heartbeat": heartbeat["handler"],
    "/jobs/reindex": reindex["handler"],
}
