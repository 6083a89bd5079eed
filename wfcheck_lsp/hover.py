"""Hover: the rule's documentation, on a finding or on a code in a `# noqa` comment."""

from __future__ import annotations

from lsprotocol import types

from wfcheck.diagnostics import Position, Range
from wfcheck.docs import rule_markdown
from wfcheck.noqa import parse_exemptions
from wfcheck.rules import RULES_BY_CODE
from wfcheck.source import SourceText
from wfcheck_lsp.checker import Analysis
from wfcheck_lsp.positions import Encoding


def hover(
    analysis: Analysis, position: types.Position, encoding: Encoding, *, markdown: bool
) -> types.Hover | None:
    converter = analysis.document.converter(encoding)
    at = converter.from_client(position)
    found = _findings_at(analysis, at) or _noqa_code_at(analysis.document.source, at)
    if not found:
        return None
    codes = list(dict.fromkeys(code for code, _ in found))
    text = "\n---\n\n".join(rule_markdown(RULES_BY_CODE[code]) for code in codes)
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(
        contents=types.MarkupContent(kind=kind, value=text),
        range=converter.to_client_range(found[0][1]),
    )


def _findings_at(analysis: Analysis, at: Position) -> list[tuple[str, Range]]:
    return [
        (diagnostic.code, diagnostic.range)
        for diagnostic in analysis.report.diagnostics
        if diagnostic.range.start <= at <= diagnostic.range.end
    ]


def _noqa_code_at(source: SourceText, at: Position) -> list[tuple[str, Range]]:
    """The known rule code under the cursor in the line's noqa directive, if any."""
    for directive in parse_exemptions(SourceText(source.line(at.line))).directives:
        for item in directive.codes or ():
            if item.start <= at.column <= item.end and item.code in RULES_BY_CODE:
                span = Range(Position(at.line, item.start), Position(at.line, item.end))
                return [(item.code, span)]
    return []
