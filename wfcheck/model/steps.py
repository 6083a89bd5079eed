"""Facts about step bodies: what they write outside themselves."""

from __future__ import annotations

import ast
import enum
from collections.abc import Iterator
from dataclasses import dataclass

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
    name: str
    kind: WriteKind
    unit: CodeUnit


def outer_writes(unit: CodeUnit, scopes: ScopeTree) -> Iterator[OuterWrite]:
    finder = _WriteFinder(unit, scopes)
    body = unit.node.body
    if isinstance(body, list):
        for node in body:
            yield from finder.statement(node)
    else:
        yield from finder.expression(body, None)


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
                yield OuterWrite(statement, target.id, kind, self.unit)
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                yield from self.target(element, statement)
        elif isinstance(target, ast.Starred):
            yield from self.target(target.value, statement)
        elif isinstance(target, ast.Attribute | ast.Subscript):
            name = self.outer_root(target.value)
            if name is not None:
                yield OuterWrite(statement, name, WriteKind.MUTATION, self.unit)

    def expression(self, node: ast.expr, statement: ast.stmt | None) -> Iterator[OuterWrite]:
        for child in _walk_expression(node):
            if isinstance(child, ast.NamedExpr):
                yield from self.target(child.target, statement or child)
            elif isinstance(child, ast.Call):
                func = child.func
                if isinstance(func, ast.Attribute) and func.attr in MUTATING_METHODS:
                    name = self.outer_root(func.value)
                    if name is not None:
                        reported = child
                        if statement is not None and _is_statement_of(child, statement):
                            reported = statement
                        yield OuterWrite(reported, name, WriteKind.MUTATION, self.unit)

    def declared_kind(self, name: str) -> WriteKind | None:
        if name in self.scope.nonlocal_names:
            return WriteKind.NONLOCAL
        if name in self.scope.global_names:
            return WriteKind.GLOBAL
        return None

    def outer_root(self, node: ast.expr) -> str | None:
        """The name at the root of `x.a[0].b` when it is a variable of an enclosing function."""
        while isinstance(node, ast.Attribute | ast.Subscript):
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        bindings = self.scopes.lookup(self.scope, node.id)
        if not bindings or self.declared_kind(node.id) is WriteKind.GLOBAL:
            return None
        owner = bindings[0].scope
        is_enclosing_function = owner.kind in (ScopeKind.FUNCTION, ScopeKind.LAMBDA)
        return node.id if is_enclosing_function and not owner.is_within(self.scope) else None


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
