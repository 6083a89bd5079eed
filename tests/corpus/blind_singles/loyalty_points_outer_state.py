# shapes: FastAPI Serve(app), context named `ctx` typed with a bare AsyncWorkflowContext, outer state written inside step bodies: a nonlocal assignment, a nonlocal augmented assignment, list.append in a loop lambda, a dict item store, extend on an outer list that the step also returns, a global assignment; fine: module-level cache/audit objects changed through items and methods inside steps, locals of a step, outer state changed in orchestration, a second route that returns every value from its steps
import logging

from fastapi import FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger(__name__)
app = FastAPI()
serve = Serve(app)
engine = create_engine("postgresql+psycopg://loyalty@db/loyalty")

TIER_CACHE: dict[str, str] = {}
AUDIT_TRAIL: list[str] = []
LAST_MEMBER = ""


def fetch_purchases(member_id: str) -> list[dict]:
    with Session(engine) as session:
        rows = session.execute(text("select sku, amount from purchases where member = :m"), {"m": member_id})
        return [{"sku": r.sku, "amount": float(r.amount)} for r in rows]


@serve.post("/loyalty/recompute")
async def recompute_points(ctx: AsyncWorkflowContext) -> None:
    member_id = ctx.request_payload["member_id"]
    balance = 0
    earned: list[int] = []
    summary: dict[str, object] = {"member": member_id}
    history: list[dict] = []

    async def _load() -> list[dict]:
        nonlocal balance
        purchases = fetch_purchases(member_id)
        balance = sum(int(p["amount"]) for p in purchases)  # expect: UWF201
        return purchases

    purchases = await ctx.run("load-purchases", _load)

    for p in purchases:
        await ctx.run(f"earn-{p['sku']}", lambda p=p: earned.append(int(p["amount"]) // 10))  # expect: UWF201

    async def _tier() -> str:
        nonlocal balance
        tier = "gold" if balance > 5000 else "silver"
        balance += 100  # expect: UWF201
        summary["tier"] = tier  # expect: UWF201
        TIER_CACHE[member_id] = tier
        AUDIT_TRAIL.append(f"tier:{member_id}")
        return tier

    tier = await ctx.run("assign-tier", _tier)
    history.append({"tier": tier})

    async def _bonus() -> list[dict]:
        rows = [{"member": member_id, "bonus": 50}] if tier == "gold" else []
        history.extend(rows)  # expect: UWF201
        return history

    await ctx.run("grant-bonus", _bonus)

    def _remember() -> None:
        global LAST_MEMBER
        LAST_MEMBER = member_id  # expect: UWF201

    await ctx.run("remember-member", _remember)
    logger.info("recomputed %s: %s", member_id, summary)


@serve.post("/loyalty/recompute-v2")
async def recompute_points_v2(ctx: AsyncWorkflowContext) -> None:
    member_id = ctx.request_payload["member_id"]
    history: list[dict] = []

    async def _load() -> dict:
        purchases = fetch_purchases(member_id)
        balance = sum(int(p["amount"]) for p in purchases)
        return {"purchases": purchases, "balance": balance}

    loaded = await ctx.run("load-purchases", _load)
    earned = [
        await ctx.run(f"earn-{p['sku']}", lambda p=p: int(p["amount"]) // 10)
        for p in loaded["purchases"]
    ]

    def _tier() -> str:
        tier = "gold" if loaded["balance"] + sum(earned) > 5000 else "silver"
        TIER_CACHE[member_id] = tier
        return tier

    tier = await ctx.run("assign-tier", _tier)
    history.append({"tier": tier, "earned": sum(earned)})
    await ctx.run("store-history", lambda: {"member": member_id, "history": history})
