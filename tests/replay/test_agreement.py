"""The checker flags exactly the replayable fixtures that misbehave at run time."""

from __future__ import annotations

import pytest

from tests.replay.agreement import NOT_IMPLEMENTED, Row, main, rows, table, unexplained

pytestmark = pytest.mark.slow


def test_no_disagreement_is_unexplained() -> None:
    all_rows = rows()
    assert [r.fixture for r in all_rows if not r.agrees and r.explanation is None] == [], table(
        all_rows
    )


def test_the_checker_finds_what_the_fixtures_expect() -> None:
    problems = {r.fixture: unexplained(r.expectation_problems) for r in rows()}
    assert {fixture: p for fixture, p in problems.items() if p} == {}


def test_a_missed_finding_of_a_rule_not_implemented_yet_is_explained() -> None:
    missed = Row("x_flagged", ("UWF999",), (), "failed at call 2 with 500: boom")
    assert not missed.agrees
    assert missed.explanation == f"{NOT_IMPLEMENTED}: UWF999"
    assert "DISAGREE (rule not implemented yet: UWF999)" in missed.cells()[3]
    false_alarm = Row("x_fixed", (), ((3, "UWF101"),), None)
    assert false_alarm.explanation is None


def test_the_script_prints_the_table_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main() == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["fixture", "checker", "runtime", "verdict"]
    assert "0 unexplained" in out
