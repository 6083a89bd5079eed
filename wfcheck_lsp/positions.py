"""Positions in the encoding negotiated with the client.

The engine counts columns in characters (code points) on 1-based lines; LSP counts lines from 0
and columns in UTF-8 bytes, UTF-16 code units or UTF-32 code units (characters), as negotiated
at `initialize`. Lines end at `\\r\\n`, `\\r` and `\\n`, the same in LSP and in Python's
tokenizer, which is what `SourceText` splits on.
"""

from __future__ import annotations

from lsprotocol import types

from wfcheck.diagnostics import Position, Range
from wfcheck.source import SourceText

Encoding = types.PositionEncodingKind


def code_units(text: str, encoding: Encoding) -> int:
    """The length of `text` in the encoding's code units."""
    if encoding is Encoding.Utf32 or text.isascii():
        return len(text)
    if encoding is Encoding.Utf8:
        return len(text.encode("utf-8"))
    return len(text.encode("utf-16-le")) // 2


def character_column(line: str, units: int, encoding: Encoding) -> int:
    """The character column of a column in code units; one inside a character rounds down."""
    if encoding is Encoding.Utf32 or line.isascii():
        return min(units, len(line))
    if encoding is Encoding.Utf8:
        return len(line.encode("utf-8")[:units].decode("utf-8", errors="ignore"))
    return len(line.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore"))


class PositionConverter:
    """Converts between the engine's positions and the client's, for one text."""

    def __init__(self, source: SourceText, encoding: Encoding) -> None:
        self.source = source
        self.encoding = encoding

    def to_client(self, position: Position) -> types.Position:
        line = self.source.line(position.line)
        column = code_units(line[: position.column], self.encoding)
        return types.Position(line=position.line - 1, character=column)

    def to_client_range(self, range_: Range) -> types.Range:
        return types.Range(start=self.to_client(range_.start), end=self.to_client(range_.end))

    def from_client(self, position: types.Position) -> Position:
        """The engine's position; one past the end of a line or of the text is clamped to it."""
        lines = self.source.lines
        if position.line >= len(lines):
            return Position(len(lines), len(lines[-1]))
        line = lines[position.line]
        return Position(
            position.line + 1, character_column(line, position.character, self.encoding)
        )

    def from_client_range(self, range_: types.Range) -> Range:
        return Range(self.from_client(range_.start), self.from_client(range_.end))
