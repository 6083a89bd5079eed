# Shapes: step bodies handing results out through outer state: nonlocal assignment (the caveat's example), global assignment, append/extend/update/setdefault/pop on workflow locals, item and attribute stores, setattr, del, augmented assignment, a step that mutates and also returns; fine: module-level caches changed through methods/items, locals of the step itself, returning the value.
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI()
serve = Serve(app)

RUNS_SEEN = 0
_PRICE_CACHE: dict[str, int] = {}
_AUDIT_TRAIL: list[str] = []


@dataclass
class Totals:
    gross: int = 0
    lines: list[str] = field(default_factory=list)


async def some_work(payload: dict) -> dict:
    return {"amount": payload.get("amount", 0), "sku": payload.get("sku", "n/a")}


@serve.post("/checkout/totals")
async def checkout_totals(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload
    result = None
    count = 0
    items: list[dict] = []
    by_sku: dict[str, int] = {}
    totals = Totals()

    async def _step_1() -> None:
        nonlocal result
        result = await some_work(payload)  # expect: UWF201

    await context.run("step-1", _step_1)

    async def _collect() -> list:
        nonlocal count
        fetched = [await some_work(line) for line in payload["lines"]]
        items.extend(fetched)  # expect: UWF201
        count += len(fetched)  # expect: UWF201
        return fetched

    await context.run("collect", _collect)

    def _index() -> dict:
        for item in items:
            by_sku[item["sku"]] = item["amount"]  # expect: UWF201
        by_sku.setdefault("shipping", 500)  # expect: UWF201
        by_sku.pop("discount", None)  # expect: UWF201
        return dict(by_sku)

    await context.run("index", _index)

    def _totals() -> int:
        totals.gross = sum(by_sku.values())  # expect: UWF201
        setattr(totals, "currency", "EUR")  # expect: UWF201
        del by_sku["shipping"]  # expect: UWF201
        return totals.gross

    await context.run("totals", _totals)

    def _count_run() -> int:
        global RUNS_SEEN
        RUNS_SEEN += 1  # expect: UWF201
        _PRICE_CACHE[payload["id"]] = totals.gross
        _AUDIT_TRAIL.append(payload["id"])
        return RUNS_SEEN

    await context.run("count-run", _count_run)


@serve.post("/checkout/totals/v2")
async def checkout_totals_v2(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload

    async def _step_1() -> dict:
        return await some_work(payload)

    result = await context.run("step-1", _step_1)

    def _index() -> dict:
        by_sku: dict[str, int] = {}
        for line in payload["lines"]:
            by_sku[line["sku"]] = line["amount"]
        _PRICE_CACHE.update(by_sku)
        return by_sku

    by_sku = await context.run("index", _index)
    await context.run("report", lambda: {"result": result, "by_sku": by_sku})
