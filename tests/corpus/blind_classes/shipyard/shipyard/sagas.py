# shapes: ShipmentSaga whose __init__ is annotated with the ShipCtx alias of types.py (this module imports nothing else of the SDK) and keeps the sync context on self.ctx; a Deps dataclass container; functools.partial of bound methods reached through the container; a Parcel dataclass with a pure classmethod constructor used in orchestration; int(timedelta.total_seconds()) as a sleep (fine); bugs in the sync methods whose place does not depend on the caller: a lambda step with a required parameter, a float sleep from .total_seconds(), a camelCase sleepUntil, a step-making helper method called inside a step
import functools
from dataclasses import dataclass
from datetime import timedelta

from shipyard.deps import Deps
from shipyard.types import ShipCtx


@dataclass(frozen=True)
class Parcel:
    order_id: str
    weight_kg: float
    destination: str

    @classmethod
    def from_order(cls, order: dict) -> "Parcel":
        return cls(order_id=str(order["id"]), weight_kg=float(order["weight_kg"]), destination=order["country"])

    def as_dict(self) -> dict:
        return {"order_id": self.order_id, "weight_kg": self.weight_kg, "destination": self.destination}


class ShipmentSaga:
    def __init__(self, ctx: ShipCtx, deps: Deps) -> None:
        self.ctx = ctx
        self.deps = deps
        self.retry_after = timedelta(minutes=10)

    def dispatch(self, order: dict) -> None:
        parcel = Parcel.from_order(order).as_dict()
        quote = self.ctx.run("quote", functools.partial(self.deps.carriers.quote, parcel))
        booking = self.ctx.run("book", functools.partial(self.deps.carriers.book, parcel, quote["carrier"]))
        self.ctx.run("label", lambda parcel: self.deps.carriers.label(parcel))  # expect: UWF205
        self.ctx.sleep("carrier-cooldown", self.retry_after.total_seconds())  # expect: UWF307
        self.ctx.sleepUntil("wait-pickup", booking["pickup_at"])  # expect: UWF308
        self.ctx.run("confirm", lambda: self._notify_customer(order["email"], booking["tracking_no"]))  # expect: UWF202
        self.ctx.sleep("settle", int(self.retry_after.total_seconds()))
        self.ctx.run("close-order", lambda: {"order_id": parcel["order_id"], "closed": True})

    def _notify_customer(self, email: str, tracking_no: str):
        return self.ctx.run("email-customer", functools.partial(self.deps.notifier.shipped, email, tracking_no))
