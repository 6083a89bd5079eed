"""Facts about step bodies: what they write outside themselves."""

from __future__ import annotations

import ast
import enum
from collections.abc import Iterator
from dataclasses import dataclass, replace

from wfcheck.model.nodes import last_name, nested_blocks, start
from wfcheck.model.scopes import Scope, ScopeKind, ScopeTree
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


# Builtins that store into an object's attributes: `setattr(obj, "x", v)`, `delattr(obj, "x")`.
_ATTRIBUTE_STORES = frozenset({"builtins.setattr", "builtins.delattr"})
_STORE_NAMES = frozenset({"setattr", "delattr"})


class WriteKind(enum.Enum):
    NONLOCAL = "nonlocal"  # assignment to a name declared nonlocal
    GLOBAL = "global"  # assignment to a name declared global
    MUTATION = "mutation"  # a change to an object held by a variable of the enclosing function


@dataclass(frozen=True, eq=False)
class OuterWrite:
    """A step body storing a result where the next call of the workflow cannot see it."""

    node: ast.stmt | ast.expr  # the assignment, mutating statement or call, or `:=`
    names: tuple[str, ...]
    kind: WriteKind
    owner: str  # the function whose variable it is (for a mutation)
    unit: CodeUnit


def outer_writes(unit: CodeUnit, scopes: ScopeTree) -> list[OuterWrite]:
    """One write per statement, naming every outer variable it stores into."""
    finder = _WriteFinder(unit, scopes)
    body = unit.node.body
    found = (
        [write for node in body for write in finder.statement(node)]
        if isinstance(body, list)
        else []
    )
    found.extend(finder.named_expressions())
    found.extend(finder.mutating_calls())
    merged: dict[ast.stmt | ast.expr, OuterWrite] = {}
    for write in sorted(found, key=lambda write: start(write.node)):
        first = merged.get(write.node)
        if first is None:
            merged[write.node] = write
        elif not set(write.names) <= set(first.names):
            merged[write.node] = replace(first, names=first.names + write.names)
    return list(merged.values())


class _WriteFinder:
    """Walks the statements of a step body; its calls come from the scopes the binder built."""

    def __init__(self, unit: CodeUnit, scopes: ScopeTree) -> None:
        self.unit = unit
        self.scopes = scopes
        self.scope = unit.scope
        # `results.append(x)` as a statement is reported as the statement.
        self.statement_of_call: dict[ast.Call, ast.stmt] = {}

    def statement(self, node: ast.stmt) -> Iterator[OuterWrite]:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            return
        if isinstance(node, ast.Expr):
            value = node.value.value if isinstance(node.value, ast.Await) else node.value
            if isinstance(value, ast.Call):
                self.statement_of_call[value] = node
        for target in _targets(node):
            yield from self.target(target, node)
        for block in nested_blocks(node):
            for inner in block:
                yield from self.statement(inner)

    def target(self, target: ast.expr, statement: ast.stmt | ast.expr) -> Iterator[OuterWrite]:
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
            yield from self.mutation(target.value, statement, self.scope)

    def named_expressions(self) -> Iterator[OuterWrite]:
        """`(total := total + 1)` on a name declared nonlocal or global."""
        for bindings in self.scope.bindings.values():
            for binding in bindings:
                if isinstance(binding.node, ast.NamedExpr):
                    yield from self.target(binding.node.target, binding.node)

    def mutating_calls(self) -> Iterator[OuterWrite]:
        """`results.append(x)`, `state.items.clear()`, `setattr(state, "x", v)` on outer
        objects."""
        for scope in self.scope.region_scopes():
            for call in scope.calls:
                func = call.func
                changed: ast.expr | None = None
                if isinstance(func, ast.Attribute) and func.attr in MUTATING_METHODS:
                    changed = func.value
                elif (
                    call.args
                    # `setattr(...)` or `builtins.setattr(...)` (by name first: cheap)
                    and last_name(func) in _STORE_NAMES
                    and self.scopes.qualified_name(func, scope) in _ATTRIBUTE_STORES
                ):
                    changed = call.args[0]
                if changed is not None:
                    reported = self.statement_of_call.get(call, call)
                    yield from self.mutation(changed, reported, scope)

    def declared_kind(self, name: str) -> WriteKind | None:
        if name in self.scope.nonlocal_names:
            return WriteKind.NONLOCAL
        if name in self.scope.global_names:
            return WriteKind.GLOBAL
        return None

    def mutation(
        self, changed: ast.expr, reported: ast.stmt | ast.expr, scope: Scope
    ) -> Iterator[OuterWrite]:
        """A change to `x.a[0].b` when `x` is a variable of an enclosing function."""
        while isinstance(changed, ast.Attribute | ast.Subscript):
            changed = changed.value
        if not isinstance(changed, ast.Name) or self.declared_kind(changed.id) is WriteKind.GLOBAL:
            return
        bindings = self.scopes.lookup(scope, changed.id)
        if not bindings:
            return
        owner = bindings[0].scope
        if owner.kind in (ScopeKind.FUNCTION, ScopeKind.LAMBDA) and not owner.is_within(self.scope):
            owner_name = getattr(owner.node, "name", "<lambda>")
            yield OuterWrite(reported, (changed.id,), WriteKind.MUTATION, owner_name, self.unit)


def _targets(node: ast.stmt) -> list[ast.expr]:
    if isinstance(node, ast.Assign | ast.Delete):
        return node.targets
    if isinstance(node, ast.AnnAssign):
        return [node.target] if node.value is not None else []
    if isinstance(node, ast.AugAssign | ast.For | ast.AsyncFor):
        return [node.target]
    if isinstance(node, ast.With | ast.AsyncWith):
        return [item.optional_vars for item in node.items if item.optional_vars is not None]
    return []
