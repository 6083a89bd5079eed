"""Facts about step bodies: what they write outside themselves."""

from __future__ import annotations

import ast
import enum
from collections.abc import Iterator
from dataclasses import dataclass, replace

from wfcheck.model.scopes import ScopeKind, ScopeTree
from wfcheck.model.workflows import CodeUnit

MUTATING_METHODS = frozenset(
    {
        "append",
        "extend",
        "insert",
        "update",
        "add",
        "discard",
        "remove",
        "pop",
        "popitem",
        "clear",
        "setdefault",
        "sort",
        "reverse",
    }
)


class WriteKind(enum.Enum):
    NONLOCAL = "nonlocal"  # assignment to a name declared nonlocal
    GLOBAL = "global"  # assignment to a name declared global
    MUTATION = "mutation"  # a change to an object held by a variable of the enclosing function


@dataclass(frozen=True, eq=False)
class OuterWrite:
    """A step body storing a result where the next call of the workflow cannot see it."""

    node: ast.AST  # the assignment or mutating statement
    names: tuple[str, ...]
    kind: WriteKind
    owner: str  # the function whose variable it is (for a mutation)
    unit: CodeUnit


def outer_writes(unit: CodeUnit, scopes: ScopeTree) -> list[OuterWrite]:
    """One write per statement, naming every outer variable it stores into."""
    finder = _WriteFinder(unit, scopes)
    body = unit.node.body
    if isinstance(body, list):
        found = [write for node in body for write in finder.statement(node)]
    else:
        found = list(finder.expression(body, None))
    merged: dict[ast.AST, OuterWrite] = {}
    for write in found:
        first = merged.get(write.node)
        if first is None:
            merged[write.node] = write
        elif not set(write.names) <= set(first.names):
            merged[write.node] = replace(first, names=first.names + write.names)
    return list(merged.values())


class _WriteFinder:
    def __init__(self, unit: CodeUnit, scopes: ScopeTree) -> None:
        self.unit = unit
        self.scopes = scopes
        self.scope = unit.scope

    def statement(self, node: ast.stmt) -> Iterator[OuterWrite]:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign | ast.For | ast.AsyncFor):
            targets = [node.target] if not isinstance(node, ast.AnnAssign) or node.value else []
        elif isinstance(node, ast.With | ast.AsyncWith):
            targets = [item.optional_vars for item in node.items if item.optional_vars]
        elif isinstance(node, ast.Delete):
            targets = node.targets
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            return
        for target in targets:
            yield from self.target(target, node)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                yield from self.statement(child)
            elif isinstance(child, ast.excepthandler | ast.match_case):
                for inner in child.body:
                    yield from self.statement(inner)
            elif isinstance(child, ast.expr):
                yield from self.expression(child, node)

    def target(self, target: ast.expr, statement: ast.AST) -> Iterator[OuterWrite]:
        if isinstance(target, ast.Name):
            kind = self.declared_kind(target.id)
            if kind is not None:
                yield OuterWrite(statement, (target.id,), kind, "", self.unit)
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                yield from self.target(element, statement)
        elif isinstance(target, ast.Starred):
            yield from self.target(target.value, statement)
        elif isinstance(target, ast.Attribute | ast.Subscript):
            yield from self.mutation(target.value, statement)

    def expression(self, node: ast.expr, statement: ast.stmt | None) -> Iterator[OuterWrite]:
        for child in _walk_expression(node):
            if isinstance(child, ast.NamedExpr):
                yield from self.target(child.target, statement or child)
            elif isinstance(child, ast.Call):
                func = child.func
                if isinstance(func, ast.Attribute) and func.attr in MUTATING_METHODS:
                    reported = child
                    if statement is not None and _is_statement_of(child, statement):
                        reported = statement
                    yield from self.mutation(func.value, reported)

    def declared_kind(self, name: str) -> WriteKind | None:
        if name in self.scope.nonlocal_names:
            return WriteKind.NONLOCAL
        if name in self.scope.global_names:
            return WriteKind.GLOBAL
        return None

    def mutation(self, changed: ast.expr, reported: ast.AST) -> Iterator[OuterWrite]:
        """A change to `x.a[0].b` when `x` is a variable of an enclosing function."""
        while isinstance(changed, ast.Attribute | ast.Subscript):
            changed = changed.value
        if not isinstance(changed, ast.Name) or self.declared_kind(changed.id) is WriteKind.GLOBAL:
            return
        bindings = self.scopes.lookup(self.scope, changed.id)
        if not bindings:
            return
        owner = bindings[0].scope
        if owner.kind in (ScopeKind.FUNCTION, ScopeKind.LAMBDA) and not owner.is_within(self.scope):
            owner_name = getattr(owner.node, "name", "<lambda>")
            yield OuterWrite(reported, (changed.id,), WriteKind.MUTATION, owner_name, self.unit)


def _walk_expression(node: ast.expr) -> Iterator[ast.AST]:
    """The nodes of an expression, without the bodies of lambdas defined in it."""
    stack: list[ast.AST] = [node]
    while stack:
        current = stack.pop()
        yield current
        if not isinstance(current, ast.Lambda):
            stack.extend(ast.iter_child_nodes(current))


def _is_statement_of(call: ast.Call, statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and (
        statement.value is call
        or (isinstance(statement.value, ast.Await) and statement.value.value is call)
    )
