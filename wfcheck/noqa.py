"""`# noqa` comments: line-level (flake8's and Ruff's syntax) and file-level exemptions.

- `# noqa` on a line suppresses every finding reported on that line; `# noqa: UWF101, UWF105`
  (also `#noqa:UWF101`, codes separated by commas or spaces, any case) only those codes.
- `# wfcheck: noqa`, `# ruff: noqa` and `# flake8: noqa` on a line of their own suppress every
  finding of the file; `# wfcheck: noqa: UWF101` and `# ruff: noqa: UWF101` only those codes.
  flake8 ignores its own file-level form when it lists codes, and so does wfcheck.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from wfcheck.diagnostics import Diagnostic, Edit, Position, Range
from wfcheck.fixes import apply_edits
from wfcheck.source import SourceText

_CODE = r"[A-Z]+[0-9]+"
_CODE_LIST = rf"{_CODE}(?:[\s,]+{_CODE})*"
_LINE = re.compile(rf"#\s*(?P<keyword>noqa)(?::\s*(?P<codes>{_CODE_LIST}))?", re.IGNORECASE)
_FILE = re.compile(
    r"^\s*#\s*(?P<tool>wfcheck|ruff|flake8)\s*:\s*(?P<keyword>noqa)"
    rf"(?::\s*(?P<codes>{_CODE_LIST}))?\s*$",
    re.IGNORECASE,
)
_ONE_CODE = re.compile(_CODE, re.IGNORECASE)
_FSTRING_START = getattr(tokenize, "FSTRING_START", -1)
_FSTRING_END = getattr(tokenize, "FSTRING_END", -1)
_COMMENT = tokenize.COMMENT


@dataclass(frozen=True)
class NoqaCode:
    """One code of a directive and its columns in the line (0-based, in characters)."""

    code: str
    start: int
    end: int


@dataclass(frozen=True)
class Directive:
    """One `# noqa` comment: where it is and the codes it names (None: every code)."""

    line: int
    start: int  # the column of its `#`
    keyword: int  # the column of `noqa`
    end: int  # the column after its last code, or after `noqa`
    codes: tuple[NoqaCode, ...] | None
    file_level: bool

    def suppresses(self, code: str) -> bool:
        return self.codes is None or any(item.code == code for item in self.codes)


class Exemptions:
    """The directives of one file, and which findings they suppress."""

    def __init__(self, directives: tuple[Directive, ...], source: SourceText) -> None:
        self.directives = directives
        self.source = source

    @cached_property
    def _line_map(self) -> dict[int, int]:
        return noqa_line_map(self.source)

    def applies(self, directive: Directive, line: int, *, line_level: bool = True) -> bool:
        """Whether the directive covers findings reported on `line`."""
        if directive.file_level:
            return True
        if not line_level:
            return False
        return directive.line == line or directive.line == self._line_map.get(line)

    def suppresses(self, diagnostic: Diagnostic, *, line_level: bool = True) -> bool:
        return any(
            directive.suppresses(diagnostic.code)
            and self.applies(directive, diagnostic.line, line_level=line_level)
            for directive in self.directives
        )

    def filter(
        self, diagnostics: Iterable[Diagnostic], *, line_level: bool = True
    ) -> list[Diagnostic]:
        """The diagnostics that no directive suppresses; `line_level=False` applies only the
        file-level ones (flake8 applies line-level `# noqa` itself)."""
        if not self.directives:
            return list(diagnostics)
        return [d for d in diagnostics if not self.suppresses(d, line_level=line_level)]


def parse_exemptions(source: SourceText) -> Exemptions:
    """The noqa directives of a file, read line by line as flake8 does."""
    if "noqa" not in source.text.lower():
        return Exemptions((), source)
    directives = []
    for number, text in enumerate(source.lines, start=1):
        if "noqa" not in text.lower():
            continue
        directive = _file_directive(number, text) or _line_directive(number, text)
        if directive is not None:
            directives.append(directive)
    return Exemptions(tuple(directives), source)


def _file_directive(number: int, text: str) -> Directive | None:
    match = _FILE.match(text)
    if match is None or (match["tool"].lower() == "flake8" and match["codes"]):
        return None
    return _directive(number, match, file_level=True)


def _line_directive(number: int, text: str) -> Directive | None:
    match = _LINE.search(text)
    return _directive(number, match, file_level=False) if match else None


def _directive(number: int, match: re.Match[str], *, file_level: bool) -> Directive:
    codes = None
    end = match.end("keyword")
    if match["codes"]:
        offset = match.start("codes")
        codes = tuple(
            NoqaCode(code.group().upper(), offset + code.start(), offset + code.end())
            for code in _ONE_CODE.finditer(match["codes"])
        )
        end = match.end("codes")
    start = match.start() + len(match.group()) - len(match.group().lstrip())
    return Directive(number, start, match.start("keyword"), end, codes, file_level)


def noqa_line_map(source: SourceText) -> dict[int, int]:
    """For lines where a `# noqa` comment cannot go, the line where it goes instead.

    Inside a string that spans lines, that is the string's last line; on a line continued
    with a backslash, the last line of the continuation (flake8's and Ruff's noqa row).
    Lines missing from the map take their own noqa comments.
    """
    tokens = _tokens(source)
    return _line_map(source, tokens) if tokens is not None else {}


def _tokens(source: SourceText) -> list[tokenize.TokenInfo] | None:
    try:
        return list(tokenize.generate_tokens(io.StringIO(source.text).readline))
    except (tokenize.TokenError, SyntaxError):
        return None


def _line_map(source: SourceText, tokens: list[tokenize.TokenInfo]) -> dict[int, int]:
    mapping: dict[int, int] = {}
    fstring_starts: list[int] = []
    for token in tokens:
        start = token.start[0]
        if token.type == _FSTRING_START:  # Python 3.12 and later tokenize f-strings in parts
            fstring_starts.append(start)
            continue
        if token.type == _FSTRING_END and fstring_starts:
            start = fstring_starts.pop()
        elif token.type != tokenize.STRING:
            continue
        for line in range(start, token.end[0]):
            mapping[line] = token.end[0]
    for line in range(len(source.lines), 0, -1):
        if source.line(line).endswith("\\") and line not in mapping:
            mapping[line] = mapping.get(line + 1, line + 1)
    return mapping


def noqa_edits(source: SourceText, codes_by_line: Mapping[int, Iterable[str]]) -> list[Edit]:
    """The edits that make `# noqa` comments suppress the given codes on the given lines, as
    both `--add-noqa` and the editor's "Disable for this line" do.

    A finding's comment goes on its noqa row (`noqa_line_map`). A row with a `# noqa: ...`
    comment gets the missing codes added to it; a row without one gets `  # noqa: CODES` at
    its end; a row with a bare `# noqa` (it silences everything already), or whose directive
    sits inside a string, gets nothing. A text that cannot be tokenized gets nothing.
    """
    tokens = _tokens(source)
    if tokens is None:
        return []
    rows = _line_map(source, tokens)
    wanted: dict[int, list[str]] = {}
    for line, codes in codes_by_line.items():
        row_codes = wanted.setdefault(rows.get(line, line), [])
        row_codes.extend(code for code in codes if code not in row_codes)
    comments = {token.start[0]: token.start[1] for token in tokens if token.type == _COMMENT}
    existing = {d.line: d for d in parse_exemptions(source).directives if not d.file_level}
    edits = []
    for row, row_codes in sorted(wanted.items()):
        edit = _row_edit(source, row, row_codes, existing.get(row), comments.get(row))
        if edit is not None:
            edits.append(edit)
    return edits


def _row_edit(
    source: SourceText,
    row: int,
    codes: list[str],
    directive: Directive | None,
    comment_start: int | None,
) -> Edit | None:
    if directive is None:
        text = source.line(row)
        end = Position(row, len(text.rstrip()))
        return Edit(Range(end, Position(row, len(text))), f"  # noqa: {', '.join(codes)}")
    if directive.codes is None or comment_start is None or directive.start < comment_start:
        return None
    missing = [code for code in codes if not directive.suppresses(code)]
    if not missing:
        return None
    at = Position(row, directive.end)
    return Edit(Range(at, at), "".join(f", {code}" for code in missing))


def add_noqa_directives(source: SourceText, diagnostics: Iterable[Diagnostic]) -> tuple[str, int]:
    """`--add-noqa`: the text with the codes of the findings that no directive suppresses yet
    added to their lines' `# noqa` comments (a new one where a line has none), and how many
    lines changed. UWF001's findings get none: the fix for an unused directive is to drop it.
    """
    exemptions = parse_exemptions(source)
    wanted: dict[int, list[str]] = {}
    for diagnostic in diagnostics:
        if diagnostic.code != "UWF001" and not exemptions.suppresses(diagnostic):
            wanted.setdefault(diagnostic.line, []).append(diagnostic.code)
    edits = noqa_edits(source, wanted)
    return apply_edits(source, edits), len(edits)
