"""What users see for every fixture and example: the `full` output (messages, excerpts,
related locations, fix diffs) compared with its golden file under tests/golden/fixtures/
and tests/golden/examples/.

The message of every rule is asserted here. To accept a deliberate change, run with
WFCHECK_UPDATE_GOLDEN=1 and review the diff of tests/golden/.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, fixture_files
from tests.test_fixtures import fixture_settings
from wfcheck.engine import check_source
from wfcheck.output import CheckedFile, RenderOptions, render_full, rule_finding
from wfcheck.rules import ALL_RULES
from wfcheck.source import SourceText

ROOT = FIXTURES.parent.parent
GOLDEN = Path(__file__).parent / "golden"
FILES = [*fixture_files("caveats", "rules", "clean"), *sorted((ROOT / "examples").glob("*.py"))]
OPTIONS = RenderOptions(unsafe_fixes=True, show_fix_status=True)


def display_path(path: Path) -> str:
    """`fixtures/rules/...` or `examples/...`: where the golden file goes under tests/golden."""
    base = FIXTURES.parent if path.is_relative_to(FIXTURES) else ROOT
    return path.relative_to(base).as_posix()


def full_output(path: Path) -> str:
    text = path.read_text("utf-8")
    display = display_path(path)
    file = CheckedFile(display, display, SourceText(text))
    report = check_source(text, fixture_settings(text), filename=display)
    findings = [rule_finding(file, diagnostic) for diagnostic in report.diagnostics]
    return render_full(findings, OPTIONS) or "no findings\n"


def golden_path(path: Path) -> Path:
    return (GOLDEN / display_path(path)).with_suffix(".txt")


@pytest.mark.parametrize("path", FILES, ids=[display_path(path) for path in FILES])
def test_full_output_matches_its_golden_file(path: Path) -> None:
    output = full_output(path)
    golden = golden_path(path)
    if os.environ.get("WFCHECK_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_every_default_rule_has_its_message_in_a_golden_file() -> None:
    shown = "".join(golden_path(path).read_text(encoding="utf-8") for path in FILES)
    missing = [rule.code for rule in ALL_RULES if f"\n{rule.code} " not in "\n" + shown]
    assert missing == [], missing
