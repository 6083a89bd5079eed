# shapes: correct; FastAPI Serve(app); step results that json.dumps accepts although built from unserializable values: pydantic model_dump(mode="json") of a model holding UUID/Decimal/datetime, plain model_dump() of a str/int model, dataclasses.asdict and a list comprehension of asdict, a NamedTuple, a TypedDict call, sorted() over a set comprehension, base64 text of bytes returned by a file function, a sha256 hexdigest of a bytes literal, str() of a Path join, float() of Decimal arithmetic, str(uuid4()) in a list, datetime.isoformat(), a conditional isoformat-or-None, httpx .json(), a step with no return
import base64
import hashlib
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple, Optional, TypedDict
from uuid import UUID, uuid4

import httpx
from fastapi import FastAPI
from pydantic import BaseModel
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)

EXPORT_ROOT = Path("/srv/exports/quotes")
CARRIER_API = "https://carriers.internal"
TAX_RATE = Decimal("0.19")


class LineItem(BaseModel):
    sku: str
    qty: int
    unit_price: Decimal


class Quote(BaseModel):
    quote_id: UUID
    lines: list[LineItem]
    created_at: datetime


class CarrierChoice(BaseModel):
    name: str
    eta_days: int


@dataclass
class Parcel:
    carrier: str
    tracking: str
    weight_kg: float


class Totals(NamedTuple):
    net: str
    tax: str


class ShipTo(TypedDict):
    street: str
    city: str
    country: str


def build_quote(payload: dict[str, Any]) -> Quote:
    return Quote(
        quote_id=uuid4(),
        lines=[LineItem(**line) for line in payload["lines"]],
        created_at=datetime.now(timezone.utc),
    )


def net_total(quote: dict[str, Any]) -> Decimal:
    return sum((Decimal(l["unit_price"]) * l["qty"] for l in quote["lines"]), Decimal("0"))


def render_pdf(quote: dict[str, Any]) -> bytes:
    lines = [f"{l['sku']} x{l['qty']} @ {l['unit_price']}" for l in quote["lines"]]
    return ("\n".join(lines)).encode("utf-8")


def pack_parcels(quote: dict[str, Any]) -> list[Parcel]:
    return [Parcel(carrier="dhl", tracking=f"{quote['quote_id'][:8]}-{i}", weight_kg=1.5) for i, _ in enumerate(quote["lines"])]


async def rates_for(country: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=CARRIER_API, timeout=10) as client:
        resp = await client.get("/rates", params={"country": country})
    return resp.json()


@serve.post("/api/workflows/quote-to-shipment")
async def quote_to_shipment(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload

    quote = await context.run("build-quote", lambda: build_quote(payload).model_dump(mode="json"))
    totals = await context.run(
        "totals",
        lambda: Totals(net=str(net_total(quote)), tax=str(net_total(quote) * TAX_RATE)),
    )
    await context.run("tax-as-float", lambda: float(Decimal(totals[1]) / Decimal(totals[0] or "1")))

    ship_to = await context.run(
        "ship-to",
        lambda: ShipTo(street=payload["street"], city=payload["city"], country=payload.get("country", "DE")),
    )
    skus = await context.run("distinct-skus", lambda: sorted({line["sku"] for line in quote["lines"]}))

    async def _rates() -> dict[str, Any]:
        return await rates_for(ship_to["country"])

    rates = await context.run("carrier-rates", _rates)
    carrier = await context.run(
        "choose-carrier",
        lambda: CarrierChoice(name=rates.get("best", "dhl"), eta_days=int(rates.get("eta", 3))).model_dump(),
    )

    pdf_text = await context.run("render-pdf", lambda: base64.b64encode(render_pdf(quote)).decode("ascii"))
    await context.run("fingerprint", lambda: hashlib.sha256(b"quote:" + pdf_text.encode("ascii")).hexdigest())
    await context.run("export-path", lambda: str(EXPORT_ROOT / f"{quote['quote_id']}.pdf"))

    parcels = await context.run("pack", lambda: [asdict(p) for p in pack_parcels(quote)])
    first = await context.run("first-parcel", lambda: asdict(pack_parcels(quote)[0]))
    await context.run("labels", lambda: {"labels": [str(uuid4()) for _ in parcels], "first": first["tracking"]})

    delivery = payload.get("deliver_on")
    await context.run(
        "delivery-date",
        lambda: date.fromisoformat(delivery).isoformat() if delivery else None,
    )
    await context.run("stamp", lambda: {"skus": skus, "carrier": carrier["name"], "at": datetime.now(timezone.utc).isoformat()})

    async def _log_only() -> None:
        async with httpx.AsyncClient(timeout=5) as client:
            await client.post(f"{CARRIER_API}/audit", json={"quote": quote["quote_id"], "parcels": len(parcels)})

    await context.run("audit", _log_only)
