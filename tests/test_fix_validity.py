"""Every fix offered on any fixture compiles and removes the finding it is offered for."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, fixture_files
from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.source import SourceText

FILES = fixture_files("caveats", "rules", "clean")


def fixable(path: Path) -> list[tuple[str, int]]:
    report = check_source(path.read_text("utf-8"))
    return [(d.code, index) for index, d in enumerate(report.diagnostics) if d.fix is not None]


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(FIXTURES)) for p in FILES])
def test_every_fix_compiles_and_fixes(path: Path) -> None:
    text = path.read_text("utf-8")
    diagnostics = check_source(text).diagnostics
    for diagnostic in diagnostics:
        if diagnostic.fix is None:
            continue
        fixed = apply_edits(SourceText(text), diagnostic.fix.edits)
        compile(fixed, str(path), "exec")
        remaining = [d for d in check_source(fixed).diagnostics if d.code == diagnostic.code]
        before = [d for d in diagnostics if d.code == diagnostic.code]
        assert len(remaining) == len(before) - 1, (diagnostic.line, diagnostic.fix)


def test_fixtures_offer_fixes() -> None:
    offered = sum(len(fixable(path)) for path in FILES)
    assert offered > 50
