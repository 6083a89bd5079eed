# shapes: Flask Serve(app).route (sync), context named `wf` typed WorkflowContext[dict], step results json.dumps rejects: a set comprehension, a set literal nested in a returned dict, datetime.now(), uuid4(), Decimal from a nested def, a dataclass returned by a helper of the file, bytes from .encode(), a generator expression; fine: sorted() of a set, isoformat(), str(uuid4()), str(Decimal), asdict(), a NamedTuple, a dict subclass, a tuple
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import NamedTuple

from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)


@dataclass
class Product:
    sku: str
    name: str
    price: str


class PriceBand(NamedTuple):
    low: float
    high: float


class Attributes(dict):
    pass


CATALOG = {
    "A-1": {"name": "Desk lamp", "price": "19.90", "tags": ["Home", "Lighting"]},
    "B-2": {"name": "Office chair", "price": "149.00", "tags": ["Office", "Home"]},
}


def load_product(sku: str) -> Product:
    row = CATALOG[sku]
    return Product(sku=sku, name=row["name"], price=row["price"])


@serve.route("/catalog/sync")
def sync_catalog(wf: WorkflowContext[dict]) -> None:
    skus = wf.request_payload["skus"]

    wf.run("collect-tags", lambda: {t.lower() for s in skus for t in CATALOG[s]["tags"]})  # expect: UWF204
    tags = wf.run("collect-tags-sorted", lambda: sorted({t.lower() for s in skus for t in CATALOG[s]["tags"]}))

    def _stock() -> dict:
        counts = {s: len(CATALOG[s]["tags"]) for s in skus}
        return {"counts": counts, "warehouses": {"north", "south"}}  # expect: UWF204

    wf.run("stock", _stock)

    wf.run("synced-at", lambda: datetime.now(timezone.utc))  # expect: UWF204
    synced_at = wf.run("synced-at-iso", lambda: datetime.now(timezone.utc).isoformat())
    wf.run("batch-id", lambda: uuid.uuid4())  # expect: UWF204
    batch_id = wf.run("batch-id-str", lambda: str(uuid.uuid4()))

    def _first_price() -> Decimal:
        return Decimal(CATALOG[skus[0]]["price"])  # expect: UWF204

    def _total_text() -> str:
        return str(sum(Decimal(CATALOG[s]["price"]) for s in skus))

    wf.run("first-price", _first_price)
    total = wf.run("total-text", _total_text)

    wf.run("load-first", lambda: load_product(skus[0]))  # expect: UWF204
    product = wf.run("load-first-dict", lambda: asdict(load_product(skus[0])))
    wf.run("encode-name", lambda: product["name"].encode("utf-8"))  # expect: UWF204
    wf.run("names", lambda: (CATALOG[s]["name"] for s in skus))  # expect: UWF204

    band = wf.run("price-band", lambda: PriceBand(low=1.0, high=200.0))
    attrs = wf.run("attributes", lambda: Attributes(color="black", sku=skus[0]))
    pair = wf.run("pair", lambda: (skus[0], len(skus)))

    wf.run(
        "publish",
        lambda: {"tags": tags, "synced_at": synced_at, "batch": batch_id, "total": total, "band": band, "attrs": attrs, "pair": pair},
    )
