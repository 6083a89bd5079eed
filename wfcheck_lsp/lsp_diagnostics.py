"""The engine's findings as LSP diagnostics."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from wfcheck.diagnostics import Diagnostic, Position, Range, RelatedLocation, Severity
from wfcheck.docs import rule_url
from wfcheck.engine import FileReport, SyntaxIssue
from wfcheck.source import SourceText, read_source_if_readable
from wfcheck_lsp.positions import PositionConverter

SOURCE = "wfcheck"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFORMATION: types.DiagnosticSeverity.Information,
}


def lsp_diagnostics(
    report: FileReport,
    uri: str,
    converter: PositionConverter,
    *,
    docs_url: str | None,
    show_syntax_errors: bool,
    problems: tuple[str, ...] = (),
) -> list[types.Diagnostic]:
    """What the client shows for a report, after the problems of the settings, if any.

    A text that does not parse has no findings, only its syntax error (unless hidden): the
    findings of the last version that parsed would point at text that has changed since.
    """
    shown = [first_line_note(f"wfcheck settings: {problem}") for problem in problems]
    if report.syntax_error is not None:
        if show_syntax_errors:
            shown.append(syntax_error(report.syntax_error, converter))
    elif report.analysis_error is not None:
        note = f"wfcheck could not analyse this file: {report.analysis_error}"
        shown.append(first_line_note(note))
    elif report.internal_error is not None:
        note = f"wfcheck could not analyse this file: internal error: {report.internal_error}"
        shown.append(first_line_note(note))
    else:
        shown.extend(finding(d, uri, converter, docs_url) for d in report.diagnostics)
    return shown


def finding(
    diagnostic: Diagnostic, uri: str, converter: PositionConverter, docs_url: str | None
) -> types.Diagnostic:
    related = [
        types.DiagnosticRelatedInformation(
            location=_location(location, uri, converter), message=location.message
        )
        for location in diagnostic.related
    ]
    return types.Diagnostic(
        range=converter.to_client_range(diagnostic.range),
        message=diagnostic.message,
        severity=_SEVERITIES[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(
            href=rule_url(diagnostic.code, diagnostic.rule_name, docs_url)
        ),
        source=SOURCE,
        related_information=related or None,
    )


def _location(related: RelatedLocation, uri: str, converter: PositionConverter) -> types.Location:
    """In the document, or in another module of the project (its text read from disk, for
    the client's columns)."""
    if related.path is None:
        return types.Location(uri=uri, range=converter.to_client_range(related.range))
    path = Path(related.path)
    other = PositionConverter(SourceText(read_source_if_readable(path) or ""), converter.encoding)
    return types.Location(uri=path.as_uri(), range=other.to_client_range(related.range))


def syntax_error(issue: SyntaxIssue, converter: PositionConverter) -> types.Diagnostic:
    """The syntax error, on the character where Python stopped (or the end of its line)."""
    line_length = len(converter.source.line(issue.line))
    start = Position(issue.line, min(issue.column, line_length))
    end = Position(issue.line, min(issue.column + 1, line_length))
    return types.Diagnostic(
        range=converter.to_client_range(Range(start, end)),
        message=f"SyntaxError: {issue.message}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def first_line_note(message: str) -> types.Diagnostic:
    """A warning about the whole file, at its start."""
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        message=message,
        severity=types.DiagnosticSeverity.Warning,
        source=SOURCE,
    )
