# Shapes: context classes imported only under TYPE_CHECKING with string annotations, annotated workflow functions that nothing in the file calls (orchestration code): a clock deciding an early return before the first step, an unawaited step, randomness deciding a step; an annotated sync helper without steps (not a route: no UWF301).
from __future__ import annotations

import random
from datetime import datetime, timezone
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from upstash_workflow import AsyncWorkflowContext, WorkflowContext


def pull_inventory() -> dict:
    return {"pulled": True}


def push_inventory() -> dict:
    return {"pushed": True}


def query_rows(tenant: str) -> list:
    return [{"tenant": tenant, "n": 1}]


def audit(rows: list) -> dict:
    return {"audited": len(rows)}


def tenant_of(context: "WorkflowContext[dict]") -> str:
    return context.request_payload["tenant"]


async def sync_inventory(context: "AsyncWorkflowContext[dict]") -> None:
    now = datetime.now(timezone.utc)  # expect: UWF101
    if now.hour < 6:
        return  # expect: UWF104
    await context.run("pull", pull_inventory)
    context.run("push", push_inventory)  # expect: UWF303


async def nightly_report(context: AsyncWorkflowContext[dict]) -> None:
    tenant = context.request_payload["tenant"]
    rows = await context.run("query", partial(query_rows, tenant))
    if random.random() < 0.01:  # expect: UWF102, UWF105
        await context.run("sample-audit", partial(audit, rows))
    await context.run("deliver", lambda: {"tenant": tenant, "rows": len(rows)})


def weekly_rollup(context: WorkflowContext[dict]) -> None:
    tenant = tenant_of(context)
    context.run("rollup", partial(query_rows, tenant))
    context.sleep("settle", "1h")
    context.run("publish", lambda: {"tenant": tenant})
