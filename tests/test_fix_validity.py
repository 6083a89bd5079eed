"""The fix invariants on every fixture and example: each fix offered, applied alone,
compiles, removes the finding it is for and introduces no finding of any code (it may remove
others: a wrapped source takes its consequences with it); and fixing a file to its fixed
point, then again, changes nothing the second time."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, fixture_files
from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.fixing import fix_text
from wfcheck.settings import RuleSelection, Settings
from wfcheck.source import SourceText

ROOT = FIXTURES.parent.parent
FILES = [*fixture_files("caveats", "rules", "clean"), *sorted((ROOT / "examples").glob("*.py"))]
IDS = [path.relative_to(ROOT).as_posix() for path in FILES]
EVERY_RULE = Settings(selection=RuleSelection(select=("ALL",), extend_select=("UWF108", "UWF309")))


def codes(text: str) -> Counter[str]:
    report = check_source(text, EVERY_RULE)
    assert report.syntax_error is None and report.internal_error is None
    return Counter(diagnostic.code for diagnostic in report.diagnostics)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_each_fix_alone_compiles_removes_its_finding_and_adds_none(path: Path) -> None:
    text = path.read_text("utf-8")
    before = codes(text)
    for diagnostic in check_source(text, EVERY_RULE).diagnostics:
        if diagnostic.fix is None:
            continue
        fixed = apply_edits(SourceText(text), diagnostic.fix.edits)
        compile(fixed, str(path), "exec")
        # The finding goes (a wrapped source takes its consequences with it), nothing comes.
        allowed = before.copy()
        allowed[diagnostic.code] -= 1
        after = codes(fixed)
        where = (diagnostic.code, diagnostic.line, diagnostic.fix.title)
        assert after <= allowed, (where, after - allowed)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_fixing_twice_changes_nothing_the_second_time(path: Path) -> None:
    first = fix_text(path.read_text("utf-8"), EVERY_RULE, unsafe=True)
    second = fix_text(first.text, EVERY_RULE, unsafe=True)
    assert second.text == first.text
    assert second.fixed == {}


def test_fixtures_offer_fixes() -> None:
    offered = sum(
        1
        for path in FILES
        for diagnostic in check_source(path.read_text("utf-8"), EVERY_RULE).diagnostics
        if diagnostic.fix is not None
    )
    assert offered > 50
