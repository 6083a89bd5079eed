"""Source text with the position conversions that `ast` needs, and reading it from files.

`ast` reports columns as UTF-8 byte offsets into a line; diagnostics count characters.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import Protocol

from wfcheck.diagnostics import Position, Range

# Python's tokenizer ends lines at \r\n, \r and \n only (not at \f or \u2028 as splitlines does).
_LINE_END = re.compile(r"\r\n|\r|\n")


class Located(Protocol):
    """An `ast` node with a position: a statement, expression, argument, keyword, alias,
    except handler or pattern (not `arguments`, `comprehension` or `match_case`)."""

    @property
    def lineno(self) -> int: ...
    @property
    def col_offset(self) -> int: ...
    @property
    def end_lineno(self) -> int | None: ...
    @property
    def end_col_offset(self) -> int | None: ...


class SourceText:
    def __init__(self, text: str) -> None:
        self.text = text
        self.is_ascii = text.isascii()

    @cached_property
    def lines(self) -> list[str]:
        """The lines without their line endings; lines[0] is line 1."""
        if "\r" not in self.text:
            return self.text.split("\n")
        return _LINE_END.split(self.text)

    @cached_property
    def _line_offsets(self) -> list[int]:
        """Character offset in `text` where each line starts."""
        if "\r" not in self.text:
            return list(accumulate(map((1).__add__, map(len, self.lines)), initial=0))
        offsets = [0]
        offsets.extend(match.end() for match in _LINE_END.finditer(self.text))
        return offsets

    def line(self, number: int) -> str:
        """Line `number` (1-based), or "" past the end."""
        lines = self.lines
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def char_column(self, line: int, byte_column: int) -> int:
        if self.is_ascii:
            return byte_column
        text = self.line(line)
        if text.isascii():
            return byte_column
        return len(text.encode("utf-8")[:byte_column].decode("utf-8", errors="replace"))

    def position(self, line: int, byte_column: int) -> Position:
        return Position(line, self.char_column(line, byte_column))

    def node_range(self, node: Located) -> Range:
        start = self.position(node.lineno, node.col_offset)
        end_line = node.end_lineno or node.lineno
        end_col = node.end_col_offset if node.end_col_offset is not None else node.col_offset
        return Range(start, self.position(end_line, end_col))

    def offset(self, position: Position) -> int:
        """Character offset in `text` of a position."""
        offsets = self._line_offsets
        if position.line > len(offsets):
            return len(self.text)
        return offsets[position.line - 1] + position.column

    def slice(self, range_: Range) -> str:
        return self.text[self.offset(range_.start) : self.offset(range_.end)]

    def segment(self, node: Located) -> str:
        return self.slice(self.node_range(node))

    def line_indent(self, line: int) -> str:
        text = self.line(line)
        return text[: len(text) - len(text.lstrip(" \t"))]

    def newline(self) -> str:
        match = _LINE_END.search(self.text)
        return match.group() if match else "\n"

    def attribute_name_range(self, node: ast.Attribute) -> Range:
        """The range of `attr` in `value.attr` (it ends the node)."""
        end = self.position(node.end_lineno or node.lineno, node.end_col_offset or 0)
        return Range(Position(end.line, end.column - len(node.attr)), end)

    def name_range(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> Range:
        """The range of the name in `def name(` or `class name`."""
        text = self.line(node.lineno)
        start_char = self.char_column(node.lineno, node.col_offset)
        match = re.compile(r"(?:async\s+)?(?:def|class)\s+").match(text, start_char)
        if match is None or not text.startswith(node.name, match.end()):
            return self.node_range(node)
        start = Position(node.lineno, match.end())
        return Range(start, Position(node.lineno, match.end() + len(node.name)))


class InputError(Exception):
    """A path that cannot be checked: missing, unreadable, undecodable, too deep to analyse."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class SourceFile:
    """A file's bytes and its text, decoded as Python does; `encoding` writes it back."""

    data: bytes
    text: str
    encoding: str


def read_source_file(path: Path) -> SourceFile:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from error
    return decode_source_file(data, str(path))


def read_source(path: Path) -> str:
    """The file's text, decoded as Python does (BOM, then coding cookie, then UTF-8)."""
    return read_source_file(path).text


def decode_source_file(data: bytes, name: str) -> SourceFile:
    try:
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as error:
            # Bytes that are not UTF-8 on the first lines: say so rather than blame a cookie.
            data.decode("utf-8")
            raise InputError(name, f"cannot read the encoding: {error}") from error
        # newline="" semantics: the text keeps its line endings, so fixes write them back.
        return SourceFile(data, data.decode(encoding), encoding)
    except LookupError as error:
        raise InputError(name, f"cannot read the encoding: {error}") from error
    except UnicodeDecodeError as error:
        raise InputError(
            name, f"cannot decode the file as {error.encoding} (byte {error.start})"
        ) from error


def read_source_if_readable(path: Path) -> str | None:
    """The file's text, decoded as Python does; None when it cannot be read or decoded."""
    try:
        return read_source(path)
    except InputError:
        return None
