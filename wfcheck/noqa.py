"""`# noqa` comments: line-level (flake8's and Ruff's syntax) and file-level exemptions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wfcheck.diagnostics import Diagnostic
from wfcheck.source import SourceText

_CODE_LIST = r"[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*"
_LINE = re.compile(rf"#\s*noqa(?::\s*(?P<codes>{_CODE_LIST}))?", re.IGNORECASE)
_FILE = re.compile(
    rf"^\s*#\s*(?P<tool>wfcheck|ruff|flake8)\s*:\s*noqa(?::\s*(?P<codes>{_CODE_LIST}))?\s*$",
    re.IGNORECASE,
)
ALL = None  # a directive without codes suppresses every code


@dataclass(frozen=True)
class Exemptions:
    lines: dict[int, frozenset[str] | None]
    file: frozenset[str] | None
    file_exempt: bool

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        if self.file_exempt and (self.file is ALL or diagnostic.code in self.file):
            return True
        if diagnostic.line not in self.lines:
            return False
        codes = self.lines[diagnostic.line]
        return codes is ALL or diagnostic.code in codes

    def filter(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        return [d for d in diagnostics if not self.suppresses(d)]


def _codes(text: str | None) -> frozenset[str] | None:
    return frozenset(re.split(r"[\s,]+", text.strip().upper())) if text else ALL


def parse_exemptions(source: SourceText, *, line_level: bool = True) -> Exemptions:
    """The noqa directives of a file; `line_level=False` reads only the file-level ones."""
    lines: dict[int, frozenset[str] | None] = {}
    file_codes: set[str] = set()
    file_all = file_exempt = False
    if "noqa" not in source.text.lower():
        return Exemptions(lines, None, False)
    for number, text in enumerate(source.lines, start=1):
        if "noqa" not in text.lower():
            continue
        file_match = _FILE.match(text)
        if file_match:
            if file_match["tool"].lower() == "flake8" and file_match["codes"]:
                continue  # flake8 ignores its file-level directive when it lists codes
            file_exempt = True
            codes = _codes(file_match["codes"])
            if codes is ALL:
                file_all = True
            else:
                file_codes.update(codes)
            continue
        match = _LINE.search(text)
        if match and line_level:
            lines[number] = _codes(match["codes"])
    return Exemptions(lines, ALL if file_all else frozenset(file_codes), file_exempt)
