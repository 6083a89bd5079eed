"""Small facts about `ast` nodes: positions (line, UTF-8 byte column), parents, blocks."""

from __future__ import annotations

import ast
import bisect
from collections.abc import Iterator

Point = tuple[int, int]


def start(node: ast.AST) -> Point:
    return (node.lineno, node.col_offset)  # type: ignore[attr-defined]


def end(node: ast.AST) -> Point:
    return (node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]


def span(node: ast.AST) -> tuple[Point, Point]:
    return start(node), end(node)


def last_name(expr: ast.AST) -> str | None:
    """`c` of `a.b.c`, `f` of `f`: a name or an attribute's last part; None for the rest."""
    if isinstance(expr, ast.Name):
        return expr.id
    return expr.attr if isinstance(expr, ast.Attribute) else None


class NodeIndex:
    """The parent of every node of a module, and the names each part of it reads, indexed one
    top-level statement at a time, when a node of that statement is first asked about: a rule
    that looks at two routes of a large module pays for those two (contexts and operators,
    shared between nodes, are left out)."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.parents: dict[ast.AST, ast.AST] = dict.fromkeys(tree.body, tree)
        self.starts = [_first_line(statement) for statement in tree.body]
        # Per top-level statement, once indexed: the `Name` nodes that read each name.
        self.reads: list[dict[str, list[ast.Name]] | None] = [None] * len(tree.body)

    def parent(self, node: ast.AST) -> ast.AST | None:
        found = self.parents.get(node)
        if found is not None or node is self.tree:
            return found
        line = getattr(node, "lineno", None)
        if line is None:  # `arguments`, `comprehension`...: reached only from an indexed node
            self._index_all()
            return self.parents.get(node)
        for index in self._candidates(line):
            self._index(index)
        found = self.parents.get(node)
        if found is None:  # a node that positions do not place: index the rest
            self._index_all()
            found = self.parents.get(node)
        return found

    def names_read(self, within: ast.AST, name: str) -> list[ast.Name]:
        """The `Name` nodes inside `within` (a node with a position) that read `name`."""
        first, last = start(within), end(within)
        found: list[ast.Name] = []
        for index in self._candidates(first[0]):
            for node in self._index(index).get(name, ()):
                if first <= start(node) and end(node) <= last:
                    found.append(node)
        return found

    def all_names_read(self, within: ast.AST) -> list[ast.Name]:
        """Every `Name` node inside `within` that reads a name."""
        first, last = start(within), end(within)
        return [
            node
            for index in self._candidates(first[0])
            for nodes in self._index(index).values()
            for node in nodes
            if first <= start(node) and end(node) <= last
        ]

    def _candidates(self, line: int) -> range:
        """The top-level statements that can hold a node starting on `line` (those starting
        on one line, as in `a = f(); b = g()`, are all candidates)."""
        last = bisect.bisect_right(self.starts, line) - 1
        if last < 0:
            return range(0)
        return range(bisect.bisect_left(self.starts, self.starts[last]), last + 1)

    def _index_all(self) -> None:
        for index in range(len(self.reads)):
            self._index(index)

    def _index(self, index: int) -> dict[str, list[ast.Name]]:
        reads = self.reads[index]
        if reads is not None:
            return reads
        reads = self.reads[index] = {}
        parents = self.parents
        pending: list[ast.AST] = [self.tree.body[index]]
        while pending:
            node = pending.pop()
            kind = type(node)
            if isinstance(node, ast.Name):
                if type(node.ctx) is ast.Load:
                    reads.setdefault(node.id, []).append(node)
                continue
            if kind is ast.Constant:
                continue
            for name in _node_fields(kind):
                value = getattr(node, name, None)
                if type(value) is list:
                    for item in value:
                        if isinstance(item, ast.AST):
                            parents[item] = node
                            pending.append(item)
                elif isinstance(value, ast.AST):
                    parents[value] = node
                    pending.append(value)
        return reads


def _first_line(statement: ast.stmt) -> int:
    """The statement's first line, its decorators included."""
    decorators = getattr(statement, "decorator_list", None)
    return decorators[0].lineno if decorators else statement.lineno


def _node_fields(kind: type[ast.AST]) -> tuple[str, ...]:
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = tuple(name for name in kind._fields if name not in _SHARED)
    return fields


# Fields whose nodes (`Load()`, `Add()`) are shared by many parents, and plain values.
_SHARED = frozenset({"ctx", "op", "ops", "id", "attr", "arg", "name", "module", "level"})
_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}


def call_arguments(call: ast.Call) -> Iterator[ast.expr]:
    """The values a call passes: positional (a `*args` as its `Starred`), then keywords'."""
    yield from call.args
    for keyword in call.keywords:
        yield keyword.value


def contains(outer: ast.AST, inner: ast.AST) -> bool:
    """`inner` lies within `outer` (and is not `outer` itself)."""
    return inner is not outer and start(outer) <= start(inner) and end(inner) <= end(outer)


def statement_path(body: list[ast.stmt], node: ast.AST) -> list[tuple[list[ast.stmt], ast.stmt]]:
    """The blocks and statements from `body` down to the innermost statement holding `node`."""
    path: list[tuple[list[ast.stmt], ast.stmt]] = []
    blocks = [body]
    while blocks:
        block = blocks.pop()
        index = bisect.bisect_right(block, start(node), key=start) - 1
        if index >= 0 and (block[index] is node or contains(block[index], node)):
            path.append((block, block[index]))
            blocks = list(nested_blocks(block[index]))
    return path


def nested_blocks(statement: ast.stmt) -> Iterator[list[ast.stmt]]:
    """The statement lists of a compound statement: bodies, else, handlers, cases, finally."""
    for name in ("body", "orelse", "finalbody"):
        block = getattr(statement, name, None)
        if isinstance(block, list):
            yield block
    for handler in getattr(statement, "handlers", ()):
        yield handler.body
    for case in getattr(statement, "cases", ()):
        yield case.body


def is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )
