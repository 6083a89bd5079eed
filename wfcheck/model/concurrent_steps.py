"""Step calls made concurrent: gathered, waited on together, raced or spawned in a task group."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, replace

from wfcheck.model.nodes import contains
from wfcheck.model.scopes import Scope, ScopeTree
from wfcheck.model.workflows import CodeUnit, Workflows

# A comprehension or a loop makes as many steps as it iterates: "two or more".
MANY = 1 << 20
_PARALLEL_MINIMUM = 2

_PARALLEL = frozenset({"asyncio.gather", "asyncio.wait"})
_RACING = frozenset({"asyncio.as_completed", "asyncio.wait_for"})
_TASK_WRAPPERS = frozenset({"asyncio.create_task", "asyncio.ensure_future", "asyncio.shield"})
_COMBINATORS = _PARALLEL | _RACING | _TASK_WRAPPERS
_TASK_GROUPS = frozenset({"asyncio.TaskGroup", "anyio.create_task_group", "trio.open_nursery"})
_TIMEOUT_BLOCKS = frozenset(
    {
        "asyncio.timeout",
        "asyncio.timeout_at",
        "anyio.fail_after",
        "anyio.move_on_after",
        "trio.fail_after",
        "trio.move_on_after",
    }
)
_SPAWN_METHODS = frozenset({"create_task", "start_soon", "start"})
_FIRST_DONE = frozenset({"FIRST_COMPLETED", "FIRST_EXCEPTION"})


def hands_steps_to_a_combinator(call: ast.Call, scope: Scope, scopes: ScopeTree) -> bool:
    """`asyncio.gather(...)`, `asyncio.create_task(...)`, `group.start_soon(...)`: a call that
    may run the step calls it is given concurrently (UWF302's, whatever their number)."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in _SPAWN_METHODS:
        return True
    return scopes.qualified_name(func, scope) in _COMBINATORS


@dataclass(frozen=True, eq=False)
class ConcurrentSteps:
    node: ast.Call  # where it is reported: the combinator call, or the call in a `with` item
    span: ast.AST  # what it covers: the call, or the whole `with` statement
    combinator: str  # its qualified name
    steps: int  # how many step calls it holds; MANY for a comprehension or a loop
    racing: bool  # waits for the first to finish (Promise.any / Promise.race)
    unit: CodeUnit | None = None


def concurrent_steps(
    unit: CodeUnit, scopes: ScopeTree, workflows: Workflows
) -> list[ConcurrentSteps]:
    """The outermost combinators and blocks that make steps of a unit concurrent."""
    counter = StepCounter(unit.scope, scopes, workflows)
    found: list[ConcurrentSteps] = []
    for scope in unit.scope.region_scopes():
        for call in scope.calls:
            finding = counter.combinator(call, scope)
            if finding is not None:
                found.append(finding)
        for statement in scope.withs:
            found.extend(counter.blocks(statement, scope))
    return [
        replace(f, unit=unit)
        for f in found
        if not any(contains(other.span, f.span) for other in found)
    ]


class StepCounter:
    """Counts the step calls that a combinator's arguments or a block's body start."""

    def __init__(self, region: Scope, scopes: ScopeTree, workflows: Workflows) -> None:
        self.scopes = scopes
        self.workflows = workflows
        self.calls = [(call, scope) for scope in region.region_scopes() for call in scope.calls]
        self.loops = [loop for scope in region.region_scopes() for loop in scope.loops]

    def combinator(self, call: ast.Call, scope: Scope) -> ConcurrentSteps | None:
        qualified = self.scopes.qualified_name(call.func, scope)
        if qualified in _PARALLEL:
            steps = self.count_arguments(call, scope)
            racing = qualified == "asyncio.wait" and self.waits_for_first(call, scope)
            if steps >= (1 if racing else _PARALLEL_MINIMUM):
                return ConcurrentSteps(call, call, qualified, steps, racing)
        elif qualified in _RACING:
            steps = self.count_arguments(call, scope)
            if steps:
                return ConcurrentSteps(call, call, qualified, steps, True)
        return None

    def blocks(
        self, statement: ast.With | ast.AsyncWith, scope: Scope
    ) -> Iterator[ConcurrentSteps]:
        """`async with asyncio.timeout(...)` around a step; a task group starting two or more."""
        for item in statement.items:
            expr = item.context_expr
            if not isinstance(expr, ast.Call):
                continue
            qualified = self.scopes.qualified_name(expr.func, scope)
            if qualified in _TIMEOUT_BLOCKS and self.body_holds_step(statement):
                yield ConcurrentSteps(expr, statement, qualified, 1, True)
            elif qualified in _TASK_GROUPS and isinstance(item.optional_vars, ast.Name):
                steps = self.count_spawned(item.optional_vars.id, statement)
                if steps >= _PARALLEL_MINIMUM:
                    yield ConcurrentSteps(expr, statement, qualified, steps, False)

    def body_holds_step(self, statement: ast.With | ast.AsyncWith) -> bool:
        return any(
            contains(statement, call) and self.workflows.is_step_call_or_step_helper(call)
            for call, _ in self.calls
        )

    def waits_for_first(self, call: ast.Call, scope: Scope) -> bool:
        for keyword in call.keywords:
            if keyword.arg == "return_when":
                value = keyword.value
                name = value.attr if isinstance(value, ast.Attribute) else getattr(value, "id", "")
                return name in _FIRST_DONE
        return False

    def count_arguments(self, call: ast.Call, scope: Scope) -> int:
        return min(MANY, sum(self.count(argument, scope) for argument in call.args))

    def count(self, expr: ast.expr, scope: Scope) -> int:
        """How many step calls an argument of a combinator holds."""
        if isinstance(expr, ast.Call):
            if self.workflows.is_step_call_or_step_helper(expr):
                return 1
            qualified = self.scopes.qualified_name(expr.func, scope)
            if qualified in _COMBINATORS:
                return self.count_arguments(expr, scope)
            return 0
        if isinstance(expr, ast.Await | ast.Starred):
            return self.count(expr.value, scope)
        if isinstance(expr, ast.List | ast.Tuple | ast.Set):
            return min(MANY, sum(self.count(element, scope) for element in expr.elts))
        if isinstance(expr, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            inner = self.scopes.scope_of(expr) or scope
            return MANY if self.count(expr.elt, inner) else 0
        if isinstance(expr, ast.Name):
            return self.count_list_variable(expr, scope)
        return 0

    def count_list_variable(self, name: ast.Name, scope: Scope) -> int:
        """`tasks = [...]`, or `tasks = []` filled with `tasks.append(step)`."""
        bound = self.scopes.single_value(name, scope)
        if bound is None:
            return 0
        value, value_scope = bound
        steps = self.count(value, value_scope)
        for call, call_scope in self.calls:
            func = call.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr in ("append", "extend")
                and isinstance(func.value, ast.Name)
                and self.scopes.single_value(func.value, call_scope) == bound
                and call.args
            ):
                added = self.count(call.args[0], call_scope)
                steps += MANY if added and self.in_loop(call) else added
        return min(MANY, steps)

    def count_spawned(self, group: str, statement: ast.With | ast.AsyncWith) -> int:
        """Steps started in `async with TaskGroup() as group:` by `group.create_task(...)`."""
        steps = 0
        for call, scope in self.calls:
            func = call.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr in _SPAWN_METHODS
                and isinstance(func.value, ast.Name)
                and func.value.id == group
                and call.args
                and contains(statement, call)
            ):
                added = self.count_spawn_target(call, scope)
                steps += MANY if added and self.in_loop(call) else added
        return min(MANY, steps)

    def count_spawn_target(self, spawn: ast.Call, scope: Scope) -> int:
        """`tg.create_task(context.run(...))` or `tg.start_soon(context.run, "name", fn)`."""
        target = spawn.args[0]
        if isinstance(target, ast.Attribute) and target.attr in self.workflows.step_methods:
            return 1 if self.workflows.context_of(target.value, scope) else 0
        return self.count(target, scope)

    def in_loop(self, call: ast.Call) -> bool:
        return any(contains(loop, call) for loop in self.loops)
