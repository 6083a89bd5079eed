"""Every rule with a runtime consequence, shown: the flagged fixture misbehaves, its twin does not.

`flagged_and_fixed` first checks the checker (exactly the `# expect:` findings in each flagged
fixture, none in the twin) and the verdicts (each flagged replay misbehaves, the twin finishes
right for the scenario's intent); each test then asserts what a user would see.
"""

from __future__ import annotations

import re

import pytest

from tests.replay.agreement import flagged_and_fixed
from tests.replay.world import ORDERS, T0

pytestmark = pytest.mark.slow

AUTH_FAILED = "Failed to authenticate Workflow request."
PARALLEL = "WorkflowError: Running parallel steps is not yet available in workflow-py."
EMPTY_NAME = (
    "WorkflowError: A workflow step name cannot be undefined or an empty string. "
    "Please provide a name for your workflow step."
)


# The caveats page's examples.


def test_code_outside_steps_runs_on_every_call_and_code_in_steps_once() -> None:
    _, result = flagged_and_fixed("core-principles")
    assert result.printed.count("This log will appear multiple times") == 2
    assert result.printed.count("This log will appear just once") == 1
    # Before the first step: once in the dry run of the starting request, then twice (dry run
    # and run) in each of the three calls from QStash.
    assert [result.times("input = context.request_payload", call) for call in (1, 2, 3, 4)] == [
        1,
        2,
        2,
        2,
    ]


def test_a_result_handed_out_through_nonlocal_is_none_in_the_next_step() -> None:
    [lost], kept = flagged_and_fixed("nonlocal-result")
    assert lost.finished
    assert lost.error is None
    assert lost.received("some_other_work") == [(None,)]
    assert kept.received("some_other_work") == [({"processed": "order-7"},)]


def test_an_early_return_on_a_database_read_fails_authentication() -> None:
    [flagged], fixed = flagged_and_fixed("early-return")
    assert [call.status for call in flagged.calls] == [200, 400]
    assert flagged.error is not None
    assert flagged.error.startswith(AUTH_FAILED)
    assert flagged.times("result = await get_result_from_db(entry_id)") == 2
    assert fixed.finished
    assert fixed.step_names == ["get-result-from-db"]
    assert fixed.steps[0].out == {"should_return": True}
    assert fixed.received("get_result_from_db") == [("entry-1",)]


@pytest.mark.parametrize("scenario", ["time-control-flow", "random-control-flow"])
def test_a_branch_on_time_or_randomness_fails_with_incompatible_step_name(scenario: str) -> None:
    [flagged], fixed = flagged_and_fixed(scenario)
    assert flagged.status == 500
    assert flagged.error == (
        "WorkflowError: Incompatible step name. Expected 'step-2', got 'step-1' from the request"
    )
    assert flagged.received("some_work") == [("step-1",)]
    assert fixed.step_names[1:] == ["step-1"]
    assert fixed.received("some_work") == [("step-1",)]


def test_nested_steps_raise_the_parallel_steps_error() -> None:
    [flagged], fixed = flagged_and_fixed("nested-steps")
    assert flagged.status == 500
    assert flagged.error is not None
    assert flagged.error.startswith(PARALLEL)
    assert flagged.submitted == []
    assert fixed.steps[0].delay == "10s"
    assert [call.url for call in fixed.third_party] == ["https://hooks.example.com/done"]


def test_a_workflow_without_steps_never_starts() -> None:
    [flagged], fixed = flagged_and_fixed("no-steps")
    assert [call.status for call in flagged.calls] == [400]
    assert flagged.error is not None
    assert flagged.error.startswith(AUTH_FAILED)
    assert flagged.sent == []
    assert fixed.step_names == ["dummy-step"]


def test_racing_steps_like_promise_any_raise_the_parallel_steps_error() -> None:
    """The racers start as tasks; which one runs first, and whether the call that runs them
    or the next one fails, depends on the order of a set in asyncio: the error does not."""
    flagged, fixed = flagged_and_fixed("promise-any")
    for result in flagged:
        assert result.status == 500
        assert result.error is not None
        assert result.error.startswith(PARALLEL)
    assert fixed.received("fetch_offers") == [("fast",), ("slow",)]
    assert fixed.received("save_record") == [("offers", ["fast-offer"])]


# Sources outside steps (UWF101 to UWF103) and their consequences (UWF105, UWF106).


def test_a_clock_value_read_outside_a_step_differs_between_steps() -> None:
    [flagged], fixed = flagged_and_fixed("clock-value")
    assert flagged.finished
    assert flagged.received("save_record") == [("order", ("order-1", T0 + 2))]
    assert flagged.received("send_email") == [("ada@example.com", f"placed at {T0 + 3}")]
    assert fixed.received("send_email") == [("ada@example.com", f"placed at {T0 + 2}")]


def test_a_random_coupon_drawn_outside_a_step_is_saved_and_sent_different() -> None:
    [flagged], fixed = flagged_and_fixed("random-coupon")
    assert flagged.finished
    assert flagged.received("save_record") == [("coupon", "WELCOME-1002")]
    assert flagged.received("send_email") == [("ada@example.com", "WELCOME-1003")]
    assert fixed.received("send_email") == [("ada@example.com", "WELCOME-1002")]


def test_a_loop_over_a_database_read_loses_an_order_silently() -> None:
    [flagged], fixed = flagged_and_fixed("io-control-flow")
    assert flagged.finished
    assert flagged.error is None
    assert flagged.received("ship_order") == [("order-1",), ("order-3",)]
    assert flagged.times("orders = await list_pending_orders()") == 7
    assert fixed.received("ship_order") == [(order,) for order in ORDERS]
    assert fixed.received("list_pending_orders") == [()]


def test_a_step_named_after_a_fresh_id_fails_with_incompatible_step_name() -> None:
    [flagged], fixed = flagged_and_fixed("step-name-from-id")
    assert flagged.error is not None
    expected, got = re.findall(r"'(reserve-\w+)'", flagged.error)
    assert flagged.error.startswith("WorkflowError: Incompatible step name.")
    assert expected != got
    assert flagged.step_names == [got]
    assert fixed.received("reserve_stock") == [("sku-1",)]


# The other rules.


@pytest.mark.parametrize(
    ("scenario", "line", "seconds", "runs"),
    [("asyncio-sleep", "await asyncio.sleep(5)", 5, 3), ("time-sleep", "time.sleep(2)", 2, 2)],
)
def test_a_sleep_in_the_route_function_runs_again_on_every_call(
    scenario: str, line: str, seconds: int, runs: int
) -> None:
    [flagged], fixed = flagged_and_fixed(scenario)
    assert flagged.finished
    assert flagged.times(line) == runs
    assert [sleep.args for sleep in flagged.sleeps] == [(seconds,)] * runs
    assert fixed.sleeps == []
    assert [step.delay for step in fixed.steps if step.type == "SleepFor"] == [f"{seconds}s"]


def test_a_list_filled_by_a_step_is_empty_in_the_next_step() -> None:
    [flagged], fixed = flagged_and_fixed("outer-list")
    assert flagged.finished
    assert flagged.received("save_record") == [("offers", [])]
    assert fixed.received("save_record") == [("offers", ["fast-offer"])]


def test_a_nested_step_on_the_sync_sdk_corrupts_the_step_history() -> None:
    [flagged], fixed = flagged_and_fixed("nested-steps-sync")
    assert flagged.error == (
        "WorkflowError: Incompatible step name. Expected 'bill', got 'reserve' from the request"
    )
    assert [(step.name, step.step_id) for step in flagged.steps] == [("reserve", 2)]
    assert fixed.step_names == ["reserve", "bill", "notify"]


def test_a_step_function_called_eagerly_charges_on_every_call() -> None:
    [flagged], fixed = flagged_and_fixed("eager-step")
    assert [work.call for work in flagged.work if work.name == "charge_card"] == [1, 2, 2]
    assert flagged.error == "TypeError: 'dict' object is not callable"
    assert fixed.received("charge_card") == [("order-1", 42)]


@pytest.mark.parametrize(
    ("scenario", "kind"), [("set-result", "set"), ("datetime-result", "datetime")]
)
def test_an_unserializable_step_result_fails_in_json_dumps(scenario: str, kind: str) -> None:
    [flagged], fixed = flagged_and_fixed(scenario)
    assert flagged.error == f"TypeError: Object of type {kind} is not JSON serializable"
    assert flagged.steps == []
    assert fixed.finished


def test_an_async_step_on_the_sync_context_is_never_run() -> None:
    [flagged], fixed = flagged_and_fixed("async-step-on-sync-context")
    assert flagged.error == "TypeError: Object of type coroutine is not JSON serializable"
    assert "RuntimeWarning: coroutine 'reserve.<locals>._reserve' was never awaited" in (
        flagged.warnings
    )
    assert flagged.received("reserve_stock") == []
    assert fixed.received("reserve_stock") == [("sku-1",)]


def test_a_step_function_with_a_parameter_fails() -> None:
    [flagged], fixed = flagged_and_fixed("step-with-parameter")
    assert flagged.error == (
        "TypeError: place_order.<locals>._charge() missing 1 required positional argument: "
        "'order_id'"
    )
    assert fixed.received("charge_card") == [("order-1", 42)]


def test_gathered_steps_raise_the_parallel_steps_error_after_the_first_one_started() -> None:
    [flagged], fixed = flagged_and_fixed("parallel-steps")
    assert flagged.error is not None
    assert flagged.error.startswith(PARALLEL)
    assert flagged.received("charge_card") == [("order-1", 42)]
    assert flagged.steps == []
    assert fixed.step_names == ["charge", "reserve", "confirm"]


def test_a_step_without_await_is_skipped_silently() -> None:
    [flagged], fixed = flagged_and_fixed("unawaited-step")
    assert flagged.finished
    assert flagged.step_names == ["charge", "ship"]
    assert flagged.received("send_email") == []
    assert "RuntimeWarning: coroutine 'WorkflowContext.run' was never awaited" in flagged.warnings
    assert fixed.step_names == ["charge", "send-receipt", "ship"]


@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        (
            "async-route-on-flask",
            "ValueError: route_function must be a sync function when using the @serve.route "
            "decorator",
        ),
        (
            "sync-route-on-fastapi",
            "ValueError: route_function must be an async function when using the @serve.post "
            "decorator",
        ),
    ],
)
def test_a_route_function_of_the_wrong_kind_fails_at_import(scenario: str, message: str) -> None:
    [flagged], fixed = flagged_and_fixed(scenario)
    assert flagged.stopped == "import-error"
    assert flagged.error == message
    assert flagged.calls == []
    assert fixed.received("reserve_stock") == [("sku-1",)]


def test_a_try_except_exception_around_a_step_swallows_the_workflow_abort() -> None:
    (going_on, returning, first_step), fixed = flagged_and_fixed("swallowing-try")
    # Caught after the charge, logged as a failure, and the next step starts in the same call.
    assert going_on.error is not None
    assert going_on.error.startswith(PARALLEL)
    assert "ERROR charging order-1 failed" in going_on.logged
    # Caught, and the route returns: the run is deleted as finished, the order never shipped.
    assert returning.finished
    assert returning.submitted == ["reserve", "charge"]
    assert returning.step_names == ["reserve"]
    assert returning.received("ship_order") == []
    # Around the first step, the handler swallows the dry run's abort too.
    assert [call.status for call in first_step.calls] == [400]
    assert first_step.error is not None
    assert first_step.error.startswith(AUTH_FAILED)
    assert fixed.step_names == ["reserve", "charge", "ship"]


def test_a_try_except_exception_on_the_sync_sdk_sends_the_next_step_twice() -> None:
    [flagged], fixed = flagged_and_fixed("swallowing-try-sync")
    assert flagged.finished
    assert flagged.submitted == ["reserve", "notify", "notify"]
    assert flagged.received("send_email") == [("ada@example.com", "reserved")] * 2
    assert fixed.received("send_email") == [("ada@example.com", "reserved")]


def test_an_empty_step_name_fails_the_first_request() -> None:
    [flagged], fixed = flagged_and_fixed("empty-step-name")
    assert [call.status for call in flagged.calls] == [500]
    assert flagged.error == EMPTY_NAME
    assert flagged.sent == []
    assert fixed.step_names == ["charge"]


def test_a_float_sleep_sends_a_delay_without_unit() -> None:
    [flagged], fixed = flagged_and_fixed("float-sleep")
    delays = [
        m["headers"]["Upstash-Delay"] for m in flagged.messages if "Upstash-Delay" in m["headers"]
    ]
    assert delays == ["1.5"]
    assert flagged.error is not None
    assert flagged.error.startswith("QStashError: Request failed with status: 400")
    assert [step.delay for step in fixed.steps if step.type == "SleepFor"] == ["2s"]


@pytest.mark.parametrize(
    ("scenario", "method"),
    [("invented-method", "run_parallel"), ("camel-case-method", "sleepUntil")],
)
def test_an_unknown_context_method_raises_attribute_error(scenario: str, method: str) -> None:
    [flagged], fixed = flagged_and_fixed(scenario)
    assert [call.status for call in flagged.calls] == [500]
    assert flagged.error == (
        f"AttributeError: '_DisabledWorkflowContext' object has no attribute '{method}'"
    )
    assert fixed.finished


def test_sleep_until_takes_the_camel_case_fix_to_the_not_before_header() -> None:
    _, fixed = flagged_and_fixed("camel-case-method")
    assert fixed.steps[0].header("Upstash-Not-Before") == str(int(T0) + 60)
    assert fixed.received("send_email") == [("all@example.com", "we are live")]


def test_clock_values_as_arguments_of_step_calls_are_harmless() -> None:
    _, result = flagged_and_fixed("clock-as-step-argument")
    wait, call, save = result.steps
    # Each argument is read on the call that submits its step, and used that once.
    assert wait.header("Upstash-Not-Before") == str(round(T0 + 2 + 3))
    assert result.third_party[0].body == {"requested_at": T0 + 3}
    assert call.out["status"] == 200
    assert save.name == "save-rate"
    assert result.received("save_record") == [("rate", {"ok": True})]
