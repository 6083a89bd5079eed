# Shapes: step results json.dumps rejects (set comprehension nested in a dict, set literal in a tuple, datetime, UUID, Decimal, Path join, dataclass via a file function, pydantic models in a list, a generator) and ones it accepts (TypedDict, NamedTuple, dict subclass, isoformat(), model_dump(), sorted set).
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple, TypedDict

from fastapi import FastAPI
from pydantic import BaseModel
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

app = FastAPI()
serve = Serve(app)

EXPORT_DIR = Path("/srv/exports")


@dataclass
class PriceQuote:
    sku: str
    amount: str


class Shipment(BaseModel):
    id: str
    carrier: str


class QuoteRow(TypedDict):
    sku: str
    amount: str


class Dimensions(NamedTuple):
    width: int
    height: int


class Tags(dict):
    pass


def build_quote(sku: str) -> PriceQuote:
    return PriceQuote(sku=sku, amount="9.99")


def quote_summary(sku: str) -> dict:
    return {"sku": sku, "amount": "9.99"}


@serve.post("/pricing/refresh")
async def refresh_prices(context: AsyncWorkflowContext[dict]) -> None:
    skus: list[str] = context.request_payload["skus"]

    async def _distinct() -> dict:
        return {"skus": {s.upper() for s in skus}}  # expect: UWF204

    await context.run("distinct", _distinct)
    await context.run("fetched-at", lambda: datetime.now(timezone.utc))  # expect: UWF204
    await context.run("request-id", lambda: uuid.uuid4())  # expect: UWF204
    await context.run("total", lambda: Decimal("12.50"))  # expect: UWF204
    await context.run("export-path", lambda: EXPORT_DIR / f"{skus[0]}.json")  # expect: UWF204
    await context.run("quote", lambda: build_quote(skus[0]))  # expect: UWF204

    def _flags() -> tuple:
        return ("active", {"eu", "us"})  # expect: UWF204

    await context.run("flags", _flags)

    def _shipments() -> list:
        return [Shipment(id=s, carrier="dhl") for s in skus]  # expect: UWF204

    await context.run("shipments", _shipments)

    def _rows():
        return (QuoteRow(sku=s, amount="1.00") for s in skus)  # expect: UWF204

    await context.run("rows", _rows)


@serve.post("/pricing/refresh/v2")
async def refresh_prices_v2(context: AsyncWorkflowContext[dict]) -> None:
    skus: list[str] = context.request_payload["skus"]

    await context.run("distinct", lambda: sorted({s.upper() for s in skus}))
    await context.run("fetched-at", lambda: datetime.now(timezone.utc).isoformat())
    await context.run("request-id", lambda: str(uuid.uuid4()))
    await context.run("total", lambda: str(Decimal("12.50")))
    await context.run("export-path", lambda: str(EXPORT_DIR / f"{skus[0]}.json"))
    await context.run("quote", lambda: quote_summary(skus[0]))
    await context.run("row", lambda: QuoteRow(sku=skus[0], amount="1.00"))
    await context.run("dims", lambda: Dimensions(width=10, height=20))
    await context.run("tags", lambda: Tags(primary=skus[0]))

    def _shipments() -> list:
        return [Shipment(id=s, carrier="dhl").model_dump() for s in skus]

    await context.run("shipments", _shipments)
