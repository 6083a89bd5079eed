"""UWF001 unused-noqa: which directives it reports, where, and what its fix leaves."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from wfcheck.engine import check_source
from wfcheck.fixing import fix_text
from wfcheck.settings import RuleSelection, Settings

WORKFLOW = (FIXTURES / "cli" / "orders.py").read_text()
SELECTED = Settings(selection=RuleSelection(extend_select=("UWF001",)))
CLOCK = "    if time.time() > 5:"
STEP = '    await context.run("ship", lambda: 2)'


def with_lines(replacements: dict[str, str], header: str = "") -> str:
    text = WORKFLOW.replace(f"{STEP}  # noqa: UWF102", STEP)
    for old, new in replacements.items():
        text = text.replace(old, new)
    return header + text


def unused(text: str) -> list[tuple[int, int, str]]:
    return [
        (d.line, d.column + 1, d.message)
        for d in check_source(text, SELECTED).diagnostics
        if d.code == "UWF001"
    ]


def test_off_by_default() -> None:
    assert "UWF001" not in {d.code for d in check_source(WORKFLOW).diagnostics}


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("# noqa: UWF102", "Unused `noqa` directive (unused: `UWF102`)"),
        ("# noqa: UWF101, UWF102", "Unused `noqa` directive (unused: `UWF102`)"),
        ("# noqa: UWF999", "Unused `noqa` directive (unknown: `UWF999`)"),
        ("# noqa: UWF108", "Unused `noqa` directive (non-enabled: `UWF108`)"),
        ("# noqa: UWF101, UWF101", "Unused `noqa` directive (duplicated: `UWF101`)"),
    ],
)
def test_reports_unused_codes(comment: str, message: str) -> None:
    text = with_lines({CLOCK: f"{CLOCK}  {comment}"})
    assert unused(text) == [(11, 26, message)]


@pytest.mark.parametrize(
    "comment", ["# noqa: UWF101, UWF105", "# noqa", "# noqa: E501", "# noqa: UWF101, UWF105, E501"]
)
def test_leaves_used_bare_and_foreign_directives_alone(comment: str) -> None:
    assert unused(with_lines({CLOCK: f"{CLOCK}  {comment}"})) == []


def test_file_level_directive() -> None:
    assert unused(with_lines({}, "# wfcheck: noqa: UWF101, UWF204\n")) == [
        (1, 1, "Unused `noqa` directive (unused: `UWF204`)")
    ]


def test_noqa_text_inside_a_string_is_not_a_directive() -> None:
    text = with_lines({STEP: f'{STEP}\n    print("# noqa: UWF102")'})
    assert unused(text) == []


def test_not_reported_outside_workflow_files() -> None:
    assert unused("import time\nNOW = time.time()  # noqa: UWF101\n") == []


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        (f"{STEP}  # noqa: UWF102", STEP),
        (f"{STEP}  # noqa: E501, UWF102", f"{STEP}  # noqa: E501"),
        (f"{STEP}  # noqa: UWF102  # shipping", f"{STEP}  # shipping"),
        (f"{STEP}  # noqa: UWF102 shipping", f"{STEP}  # shipping"),
    ],
)
def test_fix_removes_the_unused_codes(line: str, fixed: str) -> None:
    text = with_lines({STEP: line})
    result = fix_text(text, SELECTED, unsafe=False)
    assert result.text.splitlines()[13] == fixed
    assert result.fixed["UWF001"] == 1


def test_fix_removes_a_file_level_line() -> None:
    text = with_lines({}, "# wfcheck: noqa: UWF204\n")
    fixed = fix_text(text, SELECTED, unsafe=False).text
    assert fixed == with_lines({"context.sleepUntil(": "context.sleep_until("})
