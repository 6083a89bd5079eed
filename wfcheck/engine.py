"""The rule engine: one parse, one semantic model, every enabled rule."""

from __future__ import annotations

import ast
import functools
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wfcheck.diagnostics import Diagnostic
from wfcheck.model.imported import NO_IMPORTS, ImportedFacts
from wfcheck.model.semantic import SemanticModel
from wfcheck.noqa import parse_exemptions
from wfcheck.rule import Rule
from wfcheck.rules import ALL_RULES
from wfcheck.rules.unused_noqa import UnusedNoqa
from wfcheck.settings import RuleSelection, Settings
from wfcheck.source import SourceText
from wfcheck.while_checking import collector_paused, recursion_room

if TYPE_CHECKING:  # the project's index reads files with discovery, which prints with engine
    from wfcheck.project.index import ProjectIndex, ProjectView

_RULES: tuple[Rule, ...] = tuple(rule() for rule in ALL_RULES)
_UNUSED_NOQA = UnusedNoqa()
_OPT_IN: dict[str, bool] = {rule.code: rule.opt_in for rule in ALL_RULES}


@dataclass(frozen=True)
class SyntaxIssue:
    message: str
    line: int
    column: int  # 0-based, in characters


@dataclass(frozen=True)
class InternalError:
    """A bug of wfcheck met while checking one file: the exception and where it was raised."""

    kind: str
    message: str
    where: str  # the innermost frame, `wfcheck/model/nodes.py:13 in start`

    @classmethod
    def of(cls, error: BaseException) -> InternalError:
        frames = traceback.extract_tb(error.__traceback__)
        where = ""
        if frames:
            frame = frames[-1]
            where = f"{_package_path(frame.filename)}:{frame.lineno} in {frame.name}"
        return cls(type(error).__name__, str(error), where)

    def __str__(self) -> str:
        text = f"{self.kind}: {self.message}" if self.message else self.kind
        return f"{text} (at {self.where})" if self.where else text


def _package_path(filename: str) -> str:
    """A frame's file from the package folder on (`wfcheck/model/nodes.py`)."""
    parts = filename.replace("\\", "/").split("/")
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in ("wfcheck", "wfcheck_lsp"):
            return "/".join(parts[index:])
    return parts[-1]


@dataclass(frozen=True)
class FileReport:
    diagnostics: tuple[Diagnostic, ...] = ()
    syntax_error: SyntaxIssue | None = None
    analysis_error: str | None = None
    internal_error: InternalError | None = None
    # The project modules whose summaries the check used, each with its summary's digest,
    # and the modules whose texts those summaries were made from, with their texts' digests.
    dependencies: tuple[tuple[str, str], ...] = ()
    texts: tuple[tuple[str, str], ...] = ()


Parser = Callable[[str, str], ast.Module]


def parse(text: str, filename: str = "<unknown>") -> ast.Module:
    """`ast.parse` without the SyntaxWarnings (invalid escapes) that are not ours to report."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(text, filename=filename)


def enabled_rules(settings: Settings) -> tuple[Rule, ...]:
    return _enabled_rules(settings.selection)


@functools.lru_cache(maxsize=64)
def _enabled_rules(selection: RuleSelection) -> tuple[Rule, ...]:
    """Worked out once per selection (a run has one, or one per per-file-ignores entry)."""
    return tuple(rule for rule in _RULES if selection.is_enabled(rule.code, opt_in=rule.opt_in))


def may_use_workflows(text: str, settings: Settings) -> bool:
    """A cheap test before parsing: workflow code names the SDK or a configured module."""
    detection = settings.detection
    return detection.assume_workflows or detection.named_in(text)


class AnalysisError(Exception):
    """A file that parses but cannot be analysed (nesting deeper than the analysis allows)."""


@contextmanager
def _room_to_recurse() -> Iterator[None]:
    try:
        with recursion_room():
            yield
    except RecursionError as error:
        raise AnalysisError("too deeply nested to analyse") from error


def check_tree(
    tree: ast.Module, source: SourceText, settings: Settings, project: ProjectView | None = None
) -> list[Diagnostic]:
    """Findings of the enabled rules on a parsed module, sorted, before any noqa filtering.

    Raises AnalysisError for a tree nested too deeply to analyse.
    """
    return rule_findings(tree, source, settings, project) or []


def rule_findings(
    tree: ast.Module, source: SourceText, settings: Settings, project: ProjectView | None = None
) -> list[Diagnostic] | None:
    """check_tree's findings, or None when the file is not workflow code at all."""
    if not may_use_workflows(source.text, settings) and not (
        project is not None and project.may_hold_workflow_code(source.text)
    ):
        return None
    imported: ImportedFacts = project if project is not None else NO_IMPORTS
    with collector_paused(), _room_to_recurse():
        diagnostics = _model_findings(tree, source, settings, imported)
    if diagnostics is not None:
        diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


def _model_findings(
    tree: ast.Module, source: SourceText, settings: Settings, imported: ImportedFacts
) -> list[Diagnostic] | None:
    """(Its model is freed on return, before the collector resumes and would go over it.)"""
    model = SemanticModel(source, tree, settings.detection, imported)
    if not model.is_workflow_file:
        return None
    return [d for rule in enabled_rules(settings) for d in rule.check(model)]


def apply_noqa(
    findings: list[Diagnostic], source: SourceText, settings: Settings, *, line_level: bool = True
) -> list[Diagnostic]:
    """A workflow file's findings after its noqa directives, with UWF001's when enabled.

    `line_level=False` applies only the file-level directives, for flake8, which applies the
    line-level ones itself (also to UWF001's findings).
    """
    exemptions = parse_exemptions(source)
    kept = exemptions.filter(findings, line_level=line_level)
    if exemptions.directives and settings.selection.is_enabled(_UNUSED_NOQA.code, opt_in=True):
        unused = _UNUSED_NOQA.check_directives(exemptions, findings, source, settings, _OPT_IN)
        kept.extend(exemptions.filter(unused, line_level=line_level))
        kept.sort(key=Diagnostic.sort_key)
    return kept


def check_source(
    text: str,
    settings: Settings | None = None,
    *,
    filename: str = "<unknown>",
    noqa: bool = True,
    project: ProjectIndex | None = None,
    parser: Parser = parse,
) -> FileReport:
    """Parse and check one file's text; a syntax error is reported, not raised.

    With `noqa=False` the `# noqa` directives are not applied (and UWF001 does not run).
    `project` answers for the names the file imports from the project's other modules.
    `parser` gives the tree `parse` gives (the server's parses an edited text by its blocks).
    """
    with collector_paused():
        return _checked(
            text, settings or Settings(), filename, noqa=noqa, project=project, parser=parser
        )


def _checked(
    text: str,
    settings: Settings,
    filename: str,
    *,
    noqa: bool,
    project: ProjectIndex | None,
    parser: Parser,
) -> FileReport:
    view = project.view(Path(filename)) if project is not None else None
    source = SourceText(text)
    try:
        tree = parser(text, filename)
    except SyntaxError as error:
        return FileReport(syntax_error=_syntax_issue(error, source))
    except RecursionError:  # Python itself cannot compile the file either
        message = "too deeply nested for Python's parser"
        return FileReport(syntax_error=SyntaxIssue(message, 1, 0))
    try:
        findings = rule_findings(tree, source, settings, view)
        dependencies = view.dependencies() if view is not None else ()
        texts = view.texts() if view is not None else ()
        if findings is None:
            return FileReport(dependencies=dependencies, texts=texts)
        if noqa:
            findings = apply_noqa(findings, source, settings)
    except AnalysisError as error:
        return FileReport(analysis_error=str(error))
    except Exception as error:  # a bug of wfcheck: contained to this file
        return FileReport(internal_error=InternalError.of(error))
    return FileReport(tuple(findings), dependencies=dependencies, texts=texts)


def _syntax_issue(error: SyntaxError, source: SourceText) -> SyntaxIssue:
    line = error.lineno or 1
    # SyntaxError.offset is 1-based and counts characters of the line.
    column = max((error.offset or 1) - 1, 0)
    if error.text is None and line > len(source.lines):
        line = len(source.lines)
    return SyntaxIssue(error.msg, line, column)
