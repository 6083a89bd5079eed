# shapes: no SDK; project classes that tasks.py returns and workflows.py builds: a dataclass, a pydantic model, a NamedTuple and a TypedDict
from dataclasses import dataclass
from typing import NamedTuple, TypedDict

from pydantic import BaseModel


@dataclass
class StockLevel:
    sku: str
    on_hand: int
    reserved: int = 0


class Quote(BaseModel):
    sku: str
    qty: int
    unit_price_cents: int


class SkuCount(NamedTuple):
    sku: str
    count: int


class SyncSummary(TypedDict):
    region: str
    rows: int
