"""Parsing a module again after an edit by its top-level blocks (the language server's parser).

A block starts at a line whose first character is not blank, not a comment and not the start
of `else`, `elif`, `except` or `finally`, unless the block before it is made of decorators; it
runs to the next block. `BlockParser` keeps each block's statements by its first line and
text, and parses again only the blocks that are not kept. Each block is parsed alone, with as
many line breaks before it as there are lines above it, so that its positions are the ones a
parse of the whole text gives.

Blocks that each parse alone give, one after the other, the tree of the whole text: each ends
outside any bracket, string or continued line, so the text after it is read as it would be on
its own. A block that does not parse alone (a decorator whose call closes at the start of a
line, a string with lines that start at the first column) is parsed with the blocks after
it, a few at most; past that, the whole text is parsed, which also gives the exact syntax
error. (`ast.parse` does not check where `__future__` imports are: the compiler does.)
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wfcheck.engine import Parser

# A line that may start a block: not blank, not a comment, not a clause that continues the
# compound statement above it.
_BLOCK_START = re.compile(r"^(?![\s#]|(?:else|elif|except|finally)\b)", re.M)
# How many blocks after one that does not parse alone are added to it before the whole text
# is parsed instead.
_MAX_JOINED = 4


@dataclass(frozen=True)
class _Block:
    text: str  # one block or several joined, from the start of its first line
    head: int  # the length of its first block
    statements: list[ast.stmt]


@dataclass(frozen=True)
class _Layout:
    """Where the text's blocks start: their offsets and first lines (1-based), the text's
    length last."""

    offsets: list[int]
    lines: list[int]

    @classmethod
    def of(cls, text: str) -> _Layout:
        offsets: list[int] = []
        lines: list[int] = []
        line, counted = 1, 0
        decorated = False  # the line before is a decorator's first
        for match in _BLOCK_START.finditer(text):
            start = match.start()
            if start == len(text):
                break
            line += text.count("\n", counted, start)
            counted = start
            if not decorated:
                offsets.append(start)
                lines.append(line)
            decorated = text.startswith("@", start)
        if not offsets or offsets[0] != 0:
            offsets.insert(0, 0)  # what is above the first block (comments, blank lines)
            lines.insert(0, 1)
        offsets.append(len(text))
        return cls(offsets, lines)

    def __len__(self) -> int:
        return len(self.lines)


class BlockParser:
    """Parses the successive texts of one document, re-parsing only the blocks they do not
    share with the text parsed before (by the block's first line and text)."""

    def __init__(self, parse: Parser) -> None:
        self._parse = parse
        self._blocks: dict[int, _Block] = {}  # by first line
        self.parsed_blocks = 0  # blocks parsed (the tests read it)

    def parse(self, text: str, filename: str = "<unknown>") -> ast.Module:
        """The tree of the text, as `parse(text, filename)` gives it; its SyntaxError too."""
        if _has_lone_carriage_return(text):
            self._blocks = {}
            return self._parse(text, filename)
        layout = _Layout.of(text)
        blocks = self._reuse(text, layout)
        if blocks is None:
            return self._parse_whole(text, filename, layout)
        self._blocks = blocks
        body = [statement for block in blocks.values() for statement in block.statements]
        return ast.Module(body=body, type_ignores=[])

    def _reuse(self, text: str, layout: _Layout) -> dict[int, _Block] | None:
        """The blocks of the text: kept ones where the text is the same (moved to their new
        lines), else parsed; None when more than half of them would be parsed (parsing the
        whole text costs less), or one does not parse."""
        kept = self._kept(text, layout)
        covered = sum(following - index for index, (_, following, _) in kept.items())
        if len(layout) - covered > len(layout) // 2:
            return None
        blocks: dict[int, _Block] = {}
        index = 0
        while index < len(layout):
            if index in kept:
                block, following, moved = kept[index]
                if moved:
                    _move(block.statements, moved)
            else:
                parsed = self._parse_block(text, layout, index)
                if parsed is None:
                    return None
                block, following = parsed
            blocks[layout.lines[index]] = block
            index = following
        return blocks

    def _kept(self, text: str, layout: _Layout) -> dict[int, tuple[_Block, int, int]]:
        """The kept blocks the text still holds, by index: each with the index after it and
        how many lines it moved. A block is looked for at its line, else by its first lines
        (the text's block there), and each is taken once."""
        by_head: dict[str, list[tuple[int, _Block]]] = {}
        for line, block in reversed(self._blocks.items()):
            by_head.setdefault(block.text[: block.head], []).append((line, block))
        taken: set[int] = set()
        kept: dict[int, tuple[_Block, int, int]] = {}
        index = 0
        while index < len(layout):
            found = self._kept_at(text, layout, index, by_head, taken)
            if found is None:
                index += 1
                continue
            taken.add(id(found[0]))
            kept[index] = found
            index = found[1]
        return kept

    def _kept_at(
        self,
        text: str,
        layout: _Layout,
        index: int,
        by_head: dict[str, list[tuple[int, _Block]]],
        taken: set[int],
    ) -> tuple[_Block, int, int] | None:
        line = layout.lines[index]
        block = self._blocks.get(line)
        if block is not None and id(block) not in taken:
            following = _following(layout, block, text, index)
            if following is not None:
                return block, following, 0
        head = text[layout.offsets[index] : layout.offsets[index + 1]]
        for was, block in reversed(by_head.get(head, ())):
            following = _following(layout, block, text, index)
            if following is not None and id(block) not in taken:
                return block, following, line - was
        return None

    def _parse_block(self, text: str, layout: _Layout, index: int) -> tuple[_Block, int] | None:
        """The block at `index`, joined to the ones after it until it parses; with the index
        of the block after it."""
        offset, line = layout.offsets[index], layout.lines[index]
        for following in range(index + 1, min(index + 1 + _MAX_JOINED, len(layout) + 1)):
            part = text[offset : layout.offsets[following]]
            self.parsed_blocks += 1
            try:
                tree = self._parse("\n" * (line - 1) + part, "<block>")
            except (SyntaxError, ValueError, RecursionError):
                continue
            head = layout.offsets[index + 1] - offset
            return _Block(part, head, tree.body), following
        return None

    def _parse_whole(self, text: str, filename: str, layout: _Layout) -> ast.Module:
        """The whole text parsed, its statements kept by the blocks they span (a statement
        whose lines hold block starts, such as a string's, joins those blocks)."""
        self._blocks = {}
        tree = self._parse(text, filename)
        groups: list[tuple[int, int, list[ast.stmt]]] = []  # first block, next block, statements
        for statement in tree.body:
            first = _block_index(layout, _first_line(statement))
            following = _block_index(layout, statement.end_lineno or statement.lineno) + 1
            if groups and first < groups[-1][1]:  # on a line with the one before it
                start, joined, statements = groups.pop()
                first, following = start, max(joined, following)
                statements.append(statement)
            else:
                statements = [statement]
            groups.append((first, following, statements))
        offsets = layout.offsets
        self._blocks = {
            layout.lines[first]: _Block(
                text[offsets[first] : offsets[end]], offsets[first + 1] - offsets[first], body
            )
            for first, end, body in groups
        }
        return tree


def _following(layout: _Layout, block: _Block, text: str, index: int) -> int | None:
    """The index of the block after a kept one at `index`, if the text still holds it there
    and it ends where a block of the text starts."""
    offset = layout.offsets[index]
    if not text.startswith(block.text, offset):
        return None
    end = offset + len(block.text)
    following = bisect.bisect_left(layout.offsets, end, index + 1)
    return (
        following if following < len(layout.offsets) and layout.offsets[following] == end else None
    )


def _move(statements: list[ast.stmt], lines: int) -> None:
    """Move the statements' positions down by `lines` (up, if negative), where parsing them
    after that many more lines would put them."""
    pending: list[ast.AST] = list(statements)
    pop, extend, append = pending.pop, pending.extend, pending.append
    while pending:
        node = pop()
        plan = _MOVE_PLANS.get(type(node)) or _move_plan(type(node))
        if plan[0]:
            node.lineno += lines  # type: ignore[attr-defined]
            if node.end_lineno is not None:  # type: ignore[attr-defined]
                node.end_lineno += lines  # type: ignore[attr-defined]
        for name in plan[1]:
            value = getattr(node, name)
            if type(value) is list:
                extend(item for item in value if isinstance(item, ast.AST))
            elif isinstance(value, ast.AST):
                append(value)


# By node class: whether it has a position, and its fields that may hold nodes (not the
# shared `ctx` and operator singletons, which have none).
_MOVE_PLANS: dict[type, tuple[bool, tuple[str, ...]]] = {}
_WITHOUT_POSITIONS = frozenset({"ctx", "op"})


def _move_plan(kind: type) -> tuple[bool, tuple[str, ...]]:
    fields = tuple(name for name in kind._fields if name not in _WITHOUT_POSITIONS)  # type: ignore[attr-defined]
    plan = _MOVE_PLANS[kind] = ("lineno" in kind._attributes, fields)  # type: ignore[attr-defined]
    return plan


def _block_index(layout: _Layout, line: int) -> int:
    return bisect.bisect_right(layout.lines, line) - 1


def _first_line(statement: ast.stmt) -> int:
    decorators = getattr(statement, "decorator_list", None)
    return min(d.lineno for d in decorators) if decorators else statement.lineno


def _has_lone_carriage_return(text: str) -> bool:
    """A `\\r` without `\\n` after it ends a line for Python but not for the block layout."""
    return "\r" in text and text.count("\r") != text.count("\r\n")
