"""Applying the fixes of a file's findings to a fixed point: `--fix` and the server's fix-all.

Each round checks the text, applies every applicable fix that does not overlap one applied
before it in the round (in the order of the findings), and validates the result with
`compile()`: `ast.parse` accepts code that Python refuses to run, such as an `await` outside
`async def`. A fix whose result does not compile is dropped, reported in
`FixResult.rejected`, and not tried again. Rounds repeat until no fix applies (at most
MAX_ROUNDS), so fixes that needed the text of an earlier fix are applied too, and fixing the
result again changes nothing.
"""

from __future__ import annotations

import ast
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix
from wfcheck.engine import FileReport, check_source
from wfcheck.fixes import apply_edits
from wfcheck.settings import Settings
from wfcheck.source import SourceText

if TYPE_CHECKING:  # the project's index reads files with discovery, which prints with fixing
    from wfcheck.project.index import ProjectIndex

MAX_ROUNDS = 100


@dataclass(frozen=True)
class RejectedFix:
    """A fix that was not applied because the text it produced does not compile."""

    code: str
    line: int
    column: int  # 0-based, in characters
    title: str
    reason: str


@dataclass(frozen=True)
class FixResult:
    text: str  # the fixed text (the input when nothing applied)
    fixed: dict[str, int]  # rule code -> number of findings fixed
    report: FileReport  # the findings of the fixed text
    rejected: tuple[RejectedFix, ...] = ()

    @property
    def fixed_count(self) -> int:
        return sum(self.fixed.values())


def applies(fix: Fix, *, unsafe: bool) -> bool:
    """Whether `--fix` applies the fix: safe ones always, unsafe ones with `--unsafe-fixes`,
    display-only ones never."""
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def fix_text(
    text: str,
    settings: Settings,
    *,
    unsafe: bool,
    filename: str = "<unknown>",
    report: FileReport | None = None,
    project: ProjectIndex | None = None,
) -> FixResult:
    """Apply the applicable fixes of `text`'s findings to a fixed point.

    Safe fixes only, unless `unsafe`; never display-only ones; never the fixes of findings
    that a `# noqa` suppresses. `report`, when given, is `check_source(text, settings)`
    already computed. The result's `report` holds the findings that remain.
    """
    report = report or check_source(text, settings, filename=filename, project=project)
    validate = _compile if _compile(text, filename) is None else _parse
    fixed: Counter[str] = Counter()
    rejected: list[RejectedFix] = []
    refused: set[tuple[str, str, tuple[str, ...]]] = set()
    for _ in range(MAX_ROUNDS):
        candidates = [
            d
            for d in report.diagnostics
            if d.fix is not None and applies(d.fix, unsafe=unsafe) and _identity(d) not in refused
        ]
        round_ = _Round(text, filename, validate)
        for diagnostic in candidates:
            problem = round_.add(diagnostic)
            if problem is not None:
                refused.add(_identity(diagnostic))
                rejected.append(_rejected(diagnostic, problem))
        if not round_.applied:
            break
        fixed.update(diagnostic.code for diagnostic in round_.applied)
        text = round_.text
        report = check_source(text, settings, filename=filename, project=project)
    return FixResult(text, dict(fixed), report, tuple(rejected))


class _Round:
    """The fixes of one round, validated one at a time as they are added."""

    def __init__(self, text: str, filename: str, validate: Callable[[str, str], str | None]):
        self.original = SourceText(text)
        self.text = text
        self.filename = filename
        self.validate = validate
        self.edits: list[Edit] = []
        self.applied: list[Diagnostic] = []

    def add(self, diagnostic: Diagnostic) -> str | None:
        """Apply the diagnostic's fix unless it overlaps an earlier one (it waits for the next
        round then); the reason when the result does not compile."""
        assert diagnostic.fix is not None
        new = [edit for edit in diagnostic.fix.edits if edit not in self.edits]
        if any(_touch(edit, other) for edit in new for other in self.edits):
            return None
        text = apply_edits(self.original, [*self.edits, *new]) if new else self.text
        problem = self.validate(text, self.filename) if new else None
        if problem is None:
            self.edits.extend(new)
            self.text = text
            self.applied.append(diagnostic)
        return problem


def _touch(edit: Edit, other: Edit) -> bool:
    """Overlapping or adjacent ranges: applying both could interleave their texts."""
    return edit.range.start <= other.range.end and other.range.start <= edit.range.end


def _compile(text: str, filename: str) -> str | None:
    """None when the text compiles, else why not."""
    return _first_error(lambda: compile(text, filename, "exec", dont_inherit=True))


def _parse(text: str, filename: str) -> str | None:
    """For a file that did not compile before any fix: the fixes must keep it parsing."""
    return _first_error(lambda: ast.parse(text, filename))


def _first_error(build: Callable[[], object]) -> str | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            build()
    except SyntaxError as error:
        return f"{type(error).__name__}: {error.msg} (line {error.lineno})"
    except (ValueError, RecursionError, MemoryError) as error:
        return f"{type(error).__name__}: {error}"
    return None


def _identity(diagnostic: Diagnostic) -> tuple[str, str, tuple[str, ...]]:
    """What stays the same of a fix when earlier fixes move its text."""
    fix = diagnostic.fix
    assert fix is not None
    return diagnostic.code, fix.title, tuple(edit.content for edit in fix.edits)


def _rejected(diagnostic: Diagnostic, reason: str) -> RejectedFix:
    assert diagnostic.fix is not None
    return RejectedFix(
        diagnostic.code, diagnostic.line, diagnostic.column, diagnostic.fix.title, reason
    )


def applicable_fixes(diagnostics: Sequence[Diagnostic], *, unsafe: bool) -> int:
    """How many of the diagnostics have a fix that `--fix` applies."""
    return sum(1 for d in diagnostics if d.fix is not None and applies(d.fix, unsafe=unsafe))
