"""The rule engine: one parse, one semantic model, every enabled rule."""

from __future__ import annotations

import ast
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from wfcheck import sdk
from wfcheck.diagnostics import Diagnostic
from wfcheck.model.semantic import SemanticModel
from wfcheck.noqa import parse_exemptions
from wfcheck.rule import Rule
from wfcheck.rules import ALL_RULES
from wfcheck.settings import Settings
from wfcheck.source import SourceText

_RULES: tuple[Rule, ...] = tuple(rule() for rule in ALL_RULES)


@dataclass(frozen=True)
class SyntaxIssue:
    message: str
    line: int
    column: int  # 0-based, in characters


@dataclass(frozen=True)
class FileReport:
    diagnostics: tuple[Diagnostic, ...] = ()
    syntax_error: SyntaxIssue | None = None
    analysis_error: str | None = None


def parse(text: str, filename: str = "<unknown>") -> ast.Module:
    """`ast.parse` without the SyntaxWarnings (invalid escapes) that are not ours to report."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text, filename=filename)


def enabled_rules(settings: Settings) -> tuple[Rule, ...]:
    selection = settings.selection
    return tuple(rule for rule in _RULES if selection.is_enabled(rule.code, opt_in=rule.opt_in))


def may_use_workflows(text: str, settings: Settings) -> bool:
    """A cheap test before parsing: workflow code names the SDK or a configured module."""
    detection = settings.detection
    if detection.assume_workflows or sdk.SDK_MODULE in text:
        return True
    return any(module in text for module in detection.module_names())


class AnalysisError(Exception):
    """A file that parses but cannot be analysed (nesting deeper than the analysis allows)."""


# The model recurses along the tree, up to three frames per level of nesting. At the default
# recursion limit CPython's parser accepts about 2,500 levels (a long `a + b + ...` chain);
# Python-to-Python calls do not use the C stack, so analysis runs with room for all of them.
_ANALYSIS_RECURSION_LIMIT = 20_000


@contextmanager
def _room_to_recurse() -> Iterator[None]:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _ANALYSIS_RECURSION_LIMIT))
    try:
        yield
    except RecursionError as error:
        raise AnalysisError("too deeply nested to analyse") from error
    finally:
        sys.setrecursionlimit(limit)


def check_tree(tree: ast.Module, source: SourceText, settings: Settings) -> list[Diagnostic]:
    """Findings of the enabled rules on a parsed module, sorted, before any noqa filtering.

    Raises AnalysisError for a tree nested too deeply to analyse.
    """
    if not may_use_workflows(source.text, settings):
        return []
    with _room_to_recurse():
        model = SemanticModel(source, tree, settings.detection)
        if not model.is_workflow_file:
            return []
        diagnostics = [d for rule in enabled_rules(settings) for d in rule.check(model)]
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


def check_source(
    text: str, settings: Settings | None = None, *, filename: str = "<unknown>", noqa: bool = True
) -> FileReport:
    """Parse and check one file's text; a syntax error is reported, not raised."""
    settings = settings or Settings()
    source = SourceText(text)
    try:
        tree = parse(text, filename)
    except SyntaxError as error:
        return FileReport(syntax_error=_syntax_issue(error, source))
    except RecursionError:  # Python itself cannot compile the file either
        message = "too deeply nested for Python's parser"
        return FileReport(syntax_error=SyntaxIssue(message, 1, 0))
    try:
        diagnostics = check_tree(tree, source, settings)
    except AnalysisError as error:
        return FileReport(analysis_error=str(error))
    if noqa and diagnostics:
        diagnostics = parse_exemptions(source).filter(diagnostics)
    return FileReport(tuple(diagnostics))


def _syntax_issue(error: SyntaxError, source: SourceText) -> SyntaxIssue:
    line = error.lineno or 1
    # SyntaxError.offset is 1-based and counts characters of the line.
    column = max((error.offset or 1) - 1, 0)
    if error.text is None and line > len(source.lines):
        line = len(source.lines)
    return SyntaxIssue(error.msg, line, column)
