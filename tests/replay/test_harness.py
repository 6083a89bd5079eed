"""The replay harness itself: the wire format it plays, the values it changes, its bounds."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import pytest

from tests.replay.harness import WORKFLOWS, replay
from tests.replay.scenarios import ORDER, SCENARIO_OF, USER, replayed
from tests.replay.standin import TOKEN
from tests.replay.world import T0, World

pytestmark = pytest.mark.slow

PROBES = Path(__file__).parent / "probes"


def _decoded(entries: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(entry["callType"], base64.b64decode(entry["body"]).decode()) for entry in entries]


def test_every_workflow_file_belongs_to_a_scenario() -> None:
    assert sorted(path.stem for path in WORKFLOWS.glob("*.py")) == sorted(SCENARIO_OF)


def test_what_the_sdk_sends_to_qstash() -> None:
    result = replayed("caveats_core_principles")
    run_id = result.calls[1].request.headers["Upstash-Workflow-RunId"]
    assert [(sent.method, sent.path) for sent in result.sent] == [
        ("POST", "/v2/batch"),
        ("POST", "/v2/batch"),
        ("POST", "/v2/batch"),
        ("DELETE", f"/v2/workflows/runs/{run_id}?cancel=false"),
    ]
    assert {sent.headers["Authorization"] for sent in result.sent} == {f"Bearer {TOKEN}"}
    start, step_1, step_2 = result.messages
    assert start["destination"] == "http://testserver/api/example"
    assert start["headers"]["Upstash-Workflow-Init"] == "true"
    assert start["headers"]["Upstash-Forward-Upstash-Workflow-Sdk-Version"] == "1"
    assert start["body"] == "order-7"
    assert step_1["headers"]["Upstash-Workflow-Init"] == "false"
    assert json.loads(step_1["body"])["out"] == '{"success": true}'
    assert json.loads(step_2["body"])["stepName"] == "step-2"


def test_what_qstash_sends_to_the_workflow() -> None:
    result = replayed("caveats_core_principles")
    assert [call.kind for call in result.calls] == ["trigger", "step", "step", "step"]
    last = result.calls[-1].request
    assert last.headers["Upstash-Workflow-Sdk-Version"] == "1"
    assert last.headers["Upstash-Workflow-RunId"].startswith("wfr_")
    entries = _decoded(json.loads(last.body))
    assert [call_type for call_type, _ in entries] == ["step", "step", "step"]
    assert entries[0][1] == "order-7"
    assert [json.loads(body)["stepName"] for _, body in entries[1:]] == ["step-1", "step-2"]


def test_a_context_call_is_answered_and_called_back() -> None:
    result = replayed("sdk_sleep_until_and_call")
    assert [call.kind for call in result.calls] == [
        "trigger",
        "step",
        "step",
        "callback",
        "step",
        "step",
    ]
    callback = result.calls[3].request
    assert callback.headers["Upstash-Workflow-Callback"] == "true"
    assert callback.headers["Upstash-Workflow-StepName"] == "fetch-rate"
    assert json.loads(callback.body)["status"] == 200
    # QStash also lists the call's own messages, which the SDK leaves out of the steps.
    call_types = [call_type for call_type, _ in _decoded(json.loads(result.calls[4].request.body))]
    assert call_types == ["step", "step", "toCallback", "fromCallback", "step"]
    assert result.third_party[0].url == "https://rates.example.com/eur"
    assert result.third_party[0].method == "POST"


def test_clock_randomness_and_ids_change_per_call_for_the_workflow_file_only() -> None:
    result = replay(PROBES / "changing_values.py")
    [(_, values)] = result.received("save_record")
    world = World(call=2)  # the step runs on the second call
    assert values[:4] == [T0 + 2, world.random(), world.randint(1, 6), str(world.uuid4())]
    assert abs(values[4] - time.time()) < 60  # a library's own clock read is the real one
    assert World(call=3).randint(1, 6) != world.randint(1, 6)


def test_a_run_stops_at_the_bound() -> None:
    result = replay("uwf107_asyncio_sleep_fixed", USER, max_calls=3)
    assert result.stopped == "bound"
    assert len(result.calls) == 3
    assert not result.finished


def test_retries_deliver_a_failed_call_again() -> None:
    result = replay("uwf104_db_read_flagged", {"entry_id": "entry-1"}, retries=3)
    # The row flips on every call: each retry gets past the check the failed call did not.
    assert [call.status for call in result.calls] == [200, 400, 200, 400, 200]
    assert result.calls[2].request.headers["Upstash-Retried"] == "1"
    assert result.finished


def test_the_repr_says_what_happened_line_by_line() -> None:
    text = repr(replayed("uwf104_db_read_flagged"))
    assert text.startswith("Replay of uwf104_db_read_flagged.py (fastapi): failed at call 2")
    assert "call 2 step: 400 Failed to authenticate Workflow request." in text
    assert "get_result_from_db('entry-1') in call 1" in text
    assert "    2 |  24 result = await get_result_from_db(entry_id)" in text


def test_times_needs_a_snippet_on_exactly_one_line() -> None:
    result = replayed("caveats_core_principles")
    with pytest.raises(LookupError, match="lines"):
        result.times("print(")


def test_a_module_without_a_workflow_route_is_an_error(tmp_path: Path) -> None:
    module = tmp_path / "no_route.py"
    module.write_text("from fastapi import FastAPI\n\napp = FastAPI()\n", "utf-8")
    with pytest.raises(LookupError, match="serves 0 workflow routes"):
        replay(module)


def test_every_adapter_is_served() -> None:
    adapters = {
        replayed("uwf201_nonlocal_fixed").adapter,
        replayed("uwf106_uuid_name_fixed").adapter,
        replayed("uwf102_coupon_fixed").adapter,
        replayed("uwf201_mutation_fixed").adapter,
    }
    assert adapters == {"fastapi", "flask", "serve", "async_serve"}


def test_the_world_is_fresh_for_every_replay() -> None:
    first = replay("uwf103_pending_orders_fixed")
    second = replay("uwf103_pending_orders_fixed")
    assert first.received("ship_order") == second.received("ship_order")
    assert replay("uwf203_eager_fixed", ORDER).work[0].call == 2
