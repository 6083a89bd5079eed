"""What upstash-workflow 2.0.0 does that the spec leaves out, shown on the probes in `probes/`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.replay.harness import replay

pytestmark = pytest.mark.slow

PROBES = Path(__file__).parent / "probes"


def test_gathered_steps_that_never_suspend_run_one_per_call() -> None:
    result = replay(PROBES / "gather_without_suspension.py")
    assert result.finished
    assert result.step_names == ["reserve", "save"]
    assert [work.call for work in result.work] == [2, 3]


def test_the_dry_run_of_a_call_result_gets_the_callback_as_payload() -> None:
    result = replay(PROBES / "callback_reads_payload.py", {"currency": "eur"})
    assert [(call.kind, call.status) for call in result.calls] == [
        ("trigger", 200),
        ("step", 200),
        ("callback", 500),
    ]
    assert result.error == "KeyError: 'currency'"
    assert [call.url for call in result.third_party] == ["https://rates.example.com/eur"]


def test_a_string_payload_that_looks_like_json_changes_type_after_the_first_request() -> None:
    result = replay(PROBES / "string_payload.py", "42")
    assert result.printed == ["str", "int", "int", "int", "int"]
    assert result.received("save_record") == [("payload", 42)]
