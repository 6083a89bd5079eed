# shapes: no SDK; project classes that fetchers.py returns: a dataclass, a pydantic model with a datetime field, a NamedTuple, a TypedDict and a dict subclass
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, TypedDict

from pydantic import BaseModel


@dataclass
class Digest:
    feed_id: str
    item_count: int
    headline: str


class Card(BaseModel):
    title: str
    body: str
    published_at: datetime


class KindCount(NamedTuple):
    kind: str
    count: int


class FeedSummary(TypedDict):
    feed_id: str
    items: int


class Meta(dict):
    pass
