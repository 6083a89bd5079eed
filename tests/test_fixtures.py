"""Every fixture file's findings are exactly the ones its `# expect:` comments name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, fixture_files
from tests.expectations import compare, parse_expectations
from wfcheck.engine import check_source
from wfcheck.settings import RuleSelection, Settings

ALL_FIXTURES = fixture_files("caveats", "rules", "clean")


def engine_findings(path: Path) -> list[tuple[int, int, str]]:
    text = path.read_text("utf-8")
    report = check_source(text, fixture_settings(text), filename=str(path))
    assert report.syntax_error is None, report.syntax_error
    return [(d.line, d.column + 1, d.code) for d in report.diagnostics]


def fixture_settings(text: str) -> Settings:
    """`# wfcheck-settings: extend-select=UWF108,UWF309` on the first line selects opt-in rules."""
    first_line = text.split("\n", 1)[0]
    prefix = "# wfcheck-settings: extend-select="
    if not first_line.startswith(prefix):
        return Settings()
    codes = tuple(code.strip() for code in first_line.removeprefix(prefix).split(","))
    return Settings(selection=RuleSelection(extend_select=codes))


@pytest.mark.parametrize(
    "path", ALL_FIXTURES, ids=[str(p.relative_to(FIXTURES)) for p in ALL_FIXTURES]
)
def test_fixture(path: Path) -> None:
    expected = parse_expectations(path.read_text("utf-8"))
    assert compare(expected, engine_findings(path)) == []


def test_clean_fixtures_expect_nothing() -> None:
    for path in fixture_files("clean"):
        assert parse_expectations(path.read_text("utf-8")) == [], path
