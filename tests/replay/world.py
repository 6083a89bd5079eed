"""The outside world of a replayed workflow: business-logic stubs and the values that change.

Workflow fixtures import their business logic from here (`from tests.replay.world import
some_work`), the way real code imports it from its own services. Every stub records its call
(name and arguments, and the endpoint call during which it ran), which is how a replay shows
what each step received and how often a piece of work ran. The async stubs await once for
real, as I/O does, so that a step suspends while it works.

The harness patches the real `time.time`, `random.random`, `random.randint` and `uuid.uuid4`
for the workflow's own calls of them, so the fixtures stay ordinary code for the checker (the
stubs here, like any library, keep the real ones). During the k-th call of the endpoint (the
request that starts the run is call 1):

| source | value |
|---|---|
| `time.time()` | `T0 + k` (a second passes between calls) |
| `random.random()` | `(0.37 * k) % 1`, rounded to two places |
| `random.randint(a, b)` | `a + k % (b - a + 1)` |
| `uuid.uuid4()` | a version-4 UUID made from `k` |
| `await get_result_from_db(entry_id)` | a row whose `should_return` is true on even calls |
| `await list_pending_orders()` | the orders not shipped yet by `ship_order` |

A value is the same for every read within one call (the SDK's dry run and the real run of a
call agree) and differs between calls, which is what a replay needs to show.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T0 = 1_700_000_000.0
ORDERS = ("order-1", "order-2", "order-3")

_Function = TypeVar("_Function", bound=Callable[..., Any])


@dataclass(frozen=True)
class WorkCall:
    """One call of a stub: during which endpoint call, which stub, with what arguments."""

    call: int
    name: str
    args: tuple[Any, ...]

    def __repr__(self) -> str:
        arguments = ", ".join(map(repr, self.args))
        return f"{self.name}({arguments}) in call {self.call}"


@dataclass
class World:
    """The state of one replay: the endpoint call under way and everything the stubs saw."""

    call: int = 0
    work: list[WorkCall] = field(default_factory=list)
    sleeps: list[WorkCall] = field(default_factory=list)
    pending_orders: list[str] = field(default_factory=lambda: list(ORDERS))

    def time(self) -> float:
        return T0 + self.call

    def random(self) -> float:
        return round((0.37 * self.call) % 1, 2)

    def randint(self, low: int, high: int) -> int:
        return low + self.call % (high - low + 1)

    def uuid4(self) -> uuid.UUID:
        return uuid.UUID(int=self.call * 0x9E3779B97F4A7C15F39CC0605CEDC835 % 2**128, version=4)

    def record(self, name: str, args: tuple[Any, ...]) -> None:
        self.work.append(WorkCall(self.call, name, args))


_current: World | None = None


def enter(world: World | None) -> None:
    """Make `world` the one the stubs record into (the harness calls this; None to leave)."""
    global _current  # noqa: PLW0603 - one replay at a time, like one process of an app
    _current = world


def current() -> World:
    if _current is None:
        raise RuntimeError("tests.replay.world is only usable inside tests.replay.harness.replay()")
    return _current


def _recorded(function: _Function) -> _Function:
    name = function.__name__
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def async_stub(*args: Any) -> Any:
            current().record(name, args)
            await asyncio.sleep(0)  # real I/O suspends the coroutine
            return await function(*args)

        return async_stub  # type: ignore[return-value]

    @functools.wraps(function)
    def stub(*args: Any) -> Any:
        current().record(name, args)
        return function(*args)

    return stub  # type: ignore[return-value]


@dataclass(frozen=True)
class Row:
    """A database row, as an ORM returns it: an object, not something JSON can carry."""

    entry_id: str
    should_return: bool


@_recorded
async def some_work(value: Any) -> dict[str, Any]:
    """The caveats page's someWork."""
    return {"processed": value}


@_recorded
async def some_other_work(value: Any) -> None:
    """The caveats page's someOtherWork."""


@_recorded
async def get_result_from_db(entry_id: str) -> Row:
    """The caveats page's getResultFromDb: another process changes the row between calls."""
    return Row(entry_id, should_return=current().call % 2 == 0)


@_recorded
async def list_pending_orders() -> list[str]:
    return list(current().pending_orders)


@_recorded
async def ship_order(order_id: str) -> dict[str, Any]:
    pending = current().pending_orders
    if order_id in pending:
        pending.remove(order_id)
    return {"order_id": order_id, "shipped": True}


@_recorded
async def charge_card(order_id: str, amount: int) -> dict[str, Any]:
    return {"order_id": order_id, "charged": amount}


@_recorded
async def fetch_offers(source: str) -> list[str]:
    """Offers from a source; the "slow" source takes more turns of the event loop to answer."""
    for _ in range(5 if source == "slow" else 1):
        await asyncio.sleep(0)
    return [f"{source}-offer"]


@_recorded
def send_email(to: str, text: str) -> dict[str, Any]:
    return {"to": to, "sent": True}


@_recorded
def save_record(kind: str, value: Any) -> dict[str, Any]:
    return {"saved": kind}


@_recorded
def timestamp() -> float:
    """A library that reads the clock itself: the harness leaves its clock alone."""
    return time.time()


@_recorded
def reserve_stock(sku: str) -> dict[str, Any]:
    return {"sku": sku, "reserved": True}
