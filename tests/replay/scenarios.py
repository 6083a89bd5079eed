"""The replayable workflows: each scenario's flagged fixtures, its corrected twin, and intent.

A scenario is one piece of business logic written wrong (the flagged fixtures, one per way of
getting it wrong) and right (the corrected twin, or a single clean example). Its intent says
what the workflow is meant to do; a replay that finishes and does exactly that "finished
right", anything else misbehaved. The intent names only what the scenario is about: the
steps QStash recorded (when given) and, per stub of `tests.replay.world`, the arguments of
each of its calls (a stub that the intent does not name is not checked). A workflow that
blocks its endpoint in `time.sleep`/`asyncio.sleep` misbehaves whatever its intent.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from tests.replay.harness import Replay, replay
from tests.replay.world import ORDERS, T0

ORDER = {"id": "order-1", "amount": 42, "sku": "sku-1", "email": "ada@example.com"}
USER = {"email": "ada@example.com"}


@dataclass(frozen=True)
class Intent:
    steps: tuple[str, ...] | None = None
    work: Mapping[str, list[tuple[Any, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Scenario:
    fixed: str
    flagged: tuple[str, ...] = ()
    payload: Any = None
    intent: Intent = Intent()

    @property
    def fixtures(self) -> tuple[str, ...]:
        return (*self.flagged, self.fixed)

    def replay(self, fixture: str) -> Replay:
        return replay(fixture, self.payload)


def misbehavior(result: Replay, intent: Intent) -> str | None:
    """How the replay went wrong for this intent, or None when it finished right."""
    if not result.finished:
        return result.summary()
    problems = []
    if intent.steps is not None and tuple(result.step_names) != intent.steps:
        problems.append(f"recorded steps {result.step_names}, meant {list(intent.steps)}")
    for stub, meant in intent.work.items():
        got = result.received(stub)
        if got != meant:
            problems.append(f"{stub} got {got}, meant {meant}")
    if result.sleeps:
        problems.append(f"blocked the endpoint: {result.sleeps}")
    return "; ".join(problems) or None


def _twins(prefix: str, payload: Any, intent: Intent) -> Scenario:
    """`<prefix>_flagged` and its corrected twin `<prefix>_fixed`."""
    return Scenario(f"{prefix}_fixed", (f"{prefix}_flagged",), payload, intent)


def _emails(to: str, *texts: str) -> list[tuple[Any, ...]]:
    return [(to, text) for text in texts]


# One reservation of the order's stock, one e-mail that says so.
_RESERVED_AND_NOTIFIED = Intent(
    work={"reserve_stock": [("sku-1",)], "send_email": _emails("ada@example.com", "reserved")}
)

SCENARIOS: dict[str, Scenario] = {
    # The caveats page's own examples.
    "core-principles": Scenario(
        "caveats_core_principles", payload="order-7", intent=Intent(steps=("step-1", "step-2"))
    ),
    "nonlocal-result": _twins(
        "uwf201_nonlocal",
        "order-7",
        Intent(
            work={"some_work": [("order-7",)], "some_other_work": [({"processed": "order-7"},)]}
        ),
    ),
    "early-return": _twins(
        "uwf104_db_read",
        {"entry_id": "entry-1"},
        # The row said "return" when it was read (call 2): the run ends there, consistently.
        Intent(work={"get_result_from_db": [("entry-1",)], "some_work": []}),
    ),
    "time-control-flow": _twins(
        "uwf105_time", "order-7", Intent(work={"some_work": [("step-1",)]})
    ),
    "random-control-flow": _twins(
        "uwf105_random", "order-7", Intent(work={"some_work": [("step-1",)]})
    ),
    "nested-steps": _twins(
        "uwf202_nested",
        "order-7",
        Intent(steps=("pause", "work", "notify"), work={"some_work": [("order-7",)]}),
    ),
    "no-steps": _twins("uwf301_no_steps", "order-7", Intent(steps=("dummy-step",))),
    "promise-any": Scenario(
        "uwf302_race_fixed",
        ("uwf302_race_flagged", "uwf302_as_completed_flagged"),
        intent=Intent(work={"save_record": [("offers", ["fast-offer"])]}),
    ),
    # The other rules with a runtime consequence.
    "clock-value": _twins(
        "uwf101_clock_value",
        ORDER,
        Intent(
            work={
                "save_record": [("order", ("order-1", T0 + 2))],
                "send_email": _emails("ada@example.com", f"placed at {T0 + 2}"),
            }
        ),
    ),
    "random-coupon": _twins(
        "uwf102_coupon",
        USER,
        Intent(
            work={
                "save_record": [("coupon", "WELCOME-1002")],
                "send_email": _emails("ada@example.com", "WELCOME-1002"),
            }
        ),
    ),
    "io-control-flow": _twins(
        "uwf103_pending_orders",
        None,
        Intent(work={"list_pending_orders": [()], "ship_order": [(order,) for order in ORDERS]}),
    ),
    "step-name-from-id": _twins(
        "uwf106_uuid_name",
        ORDER,
        _RESERVED_AND_NOTIFIED,
    ),
    "asyncio-sleep": _twins(
        "uwf107_asyncio_sleep",
        USER,
        Intent(work={"send_email": _emails("ada@example.com", "welcome", "tips", "survey")}),
    ),
    "time-sleep": _twins(
        "uwf107_time_sleep",
        {"id": "report-9", "owner": "ops@example.com"},
        Intent(
            work={
                "save_record": [("export", "report-9")],
                "send_email": _emails("ops@example.com", "exported"),
            }
        ),
    ),
    "outer-list": _twins(
        "uwf201_mutation", None, Intent(work={"save_record": [("offers", ["fast-offer"])]})
    ),
    "nested-steps-sync": _twins(
        "uwf202_nested_sync",
        ORDER,
        Intent(
            steps=("reserve", "bill", "notify"),
            work={
                "reserve_stock": [("sku-1",)],
                "save_record": [("invoice", "order-1")],
                "send_email": _emails("ada@example.com", "invoiced"),
            },
        ),
    ),
    "eager-step": _twins(
        "uwf203_eager",
        ORDER,
        Intent(
            work={
                "charge_card": [("order-1", 42)],
                "send_email": _emails("ada@example.com", "confirmed"),
            }
        ),
    ),
    "set-result": _twins(
        "uwf204_set", {"tier": "gold"}, Intent(work={"save_record": [("tags", ["gold", "new"])]})
    ),
    "datetime-result": _twins(
        "uwf204_datetime",
        None,
        Intent(steps=("renewed-at", "save-renewal"), work={"save_record": [("renewal", mock.ANY)]}),
    ),
    "async-step-on-sync-context": _twins(
        "uwf205_async_step",
        ORDER,
        _RESERVED_AND_NOTIFIED,
    ),
    "step-with-parameter": _twins(
        "uwf205_parameter", ORDER, Intent(work={"charge_card": [("order-1", 42)]})
    ),
    "parallel-steps": _twins(
        "uwf302_gather",
        ORDER,
        Intent(
            steps=("charge", "reserve", "confirm"),
            work={"charge_card": [("order-1", 42)], "reserve_stock": [("sku-1",)]},
        ),
    ),
    "unawaited-step": _twins(
        "uwf303_unawaited",
        ORDER,
        Intent(
            work={
                "charge_card": [("order-1", 42)],
                "send_email": _emails("ada@example.com", "receipt"),
                "ship_order": [("order-1",)],
            }
        ),
    ),
    "async-route-on-flask": _twins(
        "uwf304_async_flask", ORDER, Intent(work={"reserve_stock": [("sku-1",)]})
    ),
    "sync-route-on-fastapi": _twins(
        "uwf304_sync_fastapi", ORDER, Intent(work={"reserve_stock": [("sku-1",)]})
    ),
    "swallowing-try": Scenario(
        "uwf305_fixed",
        ("uwf305_parallel_flagged", "uwf305_return_flagged", "uwf305_first_step_flagged"),
        ORDER,
        Intent(
            steps=("reserve", "charge", "ship"),
            work={"charge_card": [("order-1", 42)], "ship_order": [("order-1",)]},
        ),
    ),
    "swallowing-try-sync": _twins(
        "uwf305_sync",
        ORDER,
        _RESERVED_AND_NOTIFIED,
    ),
    "empty-step-name": _twins(
        "uwf306_empty_name", ORDER, Intent(work={"charge_card": [("order-1", 42)]})
    ),
    "float-sleep": _twins(
        "uwf307_float_sleep",
        USER,
        Intent(
            steps=("welcome", "pause", "tips"),
            work={"send_email": _emails("ada@example.com", "welcome", "tips")},
        ),
    ),
    "invented-method": _twins(
        "uwf308_run_parallel",
        ORDER,
        Intent(work={"charge_card": [("order-1", 42)], "reserve_stock": [("sku-1",)]}),
    ),
    "camel-case-method": _twins(
        "uwf308_camel_case",
        {"starts_at": int(T0) + 60, "audience": "all@example.com"},
        Intent(work={"send_email": _emails("all@example.com", "we are live")}),
    ),
    "clock-as-step-argument": Scenario(
        "sdk_sleep_until_and_call",
        intent=Intent(
            steps=("wait-three-seconds", "fetch-rate", "save-rate"),
            work={"save_record": [("rate", {"ok": True})]},
        ),
    ),
}

SCENARIO_OF: dict[str, Scenario] = {
    fixture: scenario for scenario in SCENARIOS.values() for fixture in scenario.fixtures
}


@functools.cache
def replayed(fixture: str) -> Replay:
    """The replay of a fixture with its scenario's payload, made once per process."""
    return SCENARIO_OF[fixture].replay(fixture)
