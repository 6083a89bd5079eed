# context type alias and typing.cast: the route takes an Any-typed context and casts it, helpers receive the cast context positionally and by keyword, a helper reads the clock between its steps and a random owner names a step, a float sleep on the cast binding
from __future__ import annotations

import random
import time
from typing import Any, TypedDict, cast

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from crm.client import CrmClient

Ctx = AsyncWorkflowContext[dict]

app = FastAPI()
serve = Serve(app)
crm = CrmClient()

SALES_REPS = ["ana", "bo", "chen", "dara"]


class LeadPayload(TypedDict):
    lead_id: str
    score: int


async def enrich_lead(*, context: Ctx, lead_id: str) -> dict:
    async def _lookup() -> dict:
        return await crm.lookup(lead_id)

    profile = await context.run("lookup-lead", _lookup)
    received_at = time.time()  # expect: UWF101

    async def _annotate() -> None:
        await crm.annotate(lead_id, {"enriched_at": received_at})

    await context.run("annotate-lead", _annotate)
    return profile


async def assign_owner(context: Ctx, lead_id: str) -> str:
    owner = random.choice(SALES_REPS)  # expect: UWF102

    async def _assign() -> dict:
        await crm.assign(lead_id, owner)
        return {"owner": owner}

    await context.run(f"assign-{owner}", _assign)  # expect: UWF106
    return owner


@serve.post("/workflows/leads")
async def qualify_lead(context: Any) -> None:
    ctx = cast(AsyncWorkflowContext[LeadPayload], context)
    lead_id = ctx.request_payload["lead_id"]

    profile = await enrich_lead(context=ctx, lead_id=lead_id)

    if profile.get("tier") == "enterprise":
        await ctx.sleep("enterprise-grace", 1.5)  # expect: UWF307

    await assign_owner(ctx, lead_id)

    async def _close() -> dict:
        await crm.update_stage(lead_id, "qualified")
        return {"lead_id": lead_id, "stage": "qualified"}

    await ctx.run("mark-qualified", _close)
