"""## What it does
Checks for step calls on the async context (FastAPI, `async_serve`) that are never awaited, in
any position: a statement, a name that is never awaited or handed on (a use inside another
step's function hands nothing on), an `if` or `while` test,
a branch of a conditional expression, a comprehension, an argument of a call, or the value of
the route's `return`. Also in a plain `def` that an async registration made async (beside its
UWF304), and inside a step body (beside UWF202).

## Why is this bad?
On the async context the step methods are coroutines: without `await` nothing runs. Python
warns "coroutine ... was never awaited" and the step is silently skipped, on every call, with
everything that depends on it. A coroutine in a test is always true; one returned from the
route is discarded by the SDK, so every call of the workflow fails with "Failed to
authenticate Workflow request".

A step call under an enclosing `await` (`await (a if c else b)`) is awaited. One handed to
`asyncio.gather`, a task group or another combinator, directly or through a local variable,
is not reported here (running steps concurrently is UWF302's), and neither is the value a
helper returns to callers that await it, nor a step call on the sync context.

## Example
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("charge", lambda: "charged")
    context.sleep("cool-down", 30)
    await context.run("ship", lambda: "shipped")
```

Use instead:
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("charge", lambda: "charged")
    await context.sleep("cool-down", 30)
    await context.run("ship", lambda: "shipped")
```

## Fix safety
The fix adds `await`. It is unsafe: the step was skipped until now, so runs in flight meet a
new step when they replay ("Incompatible step name"). There is no fix where `await` is not
valid (in a plain `def` or a lambda).

## References
- [Upstash Workflow: context](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TypeGuard

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Range, Severity
from wfcheck.model.concurrent_steps import hands_steps_to_a_combinator
from wfcheck.model.nodes import contains
from wfcheck.model.scopes import FunctionNode, Scope, positional_parameters
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import is_logging_call
from wfcheck.model.workflows import CodeUnit, StepCall, UnitKind
from wfcheck.rule import FixAvailability, Rule


class UnawaitedStep(Rule):
    code = "UWF303"
    name = "unawaited-step"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = Applicability.UNSAFE

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit in model.workflows.units:
            if not unit.context.is_async:
                continue
            awaited = model.awaited_calls(unit)
            for step in unit.step_calls:
                if step.node in awaited or not _is_unawaited(model, unit, step.node):
                    continue
                what = f"{model.source.segment(step.node.func)}()"
                message = (
                    f"{what} is not awaited, so the step never runs: it is skipped on every call "
                    "of the workflow; await it"
                )
                yield self.diagnostic(model, step.node, message, fix=_await_fix(model, step))


def _is_unawaited(model: SemanticModel, unit: CodeUnit, call: ast.Call) -> bool:
    """The coroutine of a step call is dropped where it is made, without being awaited."""
    child: ast.AST = call
    parent = model.parent(call)
    while (
        isinstance(parent, ast.NamedExpr)
        or (isinstance(parent, ast.IfExp) and child is not parent.test)
        or (isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not))
    ):
        child, parent = parent, model.parent(parent)
    if parent is None or isinstance(parent, ast.Await):
        return False
    if isinstance(parent, ast.Expr):
        return True
    if isinstance(parent, ast.If | ast.While | ast.IfExp):
        return child is parent.test
    if isinstance(parent, ast.Assign | ast.AnnAssign):
        return _assigned_and_never_awaited(model, parent, unit)
    if isinstance(parent, ast.Return):
        return unit.kind is UnitKind.ROUTE  # the SDK discards what the route returns
    if isinstance(parent, ast.keyword):
        child, parent = parent, model.parent(parent)
    if isinstance(parent, ast.Call):
        return child is not parent.func and _drops_its_argument(model, unit, parent, child)
    if isinstance(parent, _COMPREHENSIONS) and child is getattr(parent, "elt", None):
        return not _reaches_a_combinator(model, unit, parent)
    if isinstance(parent, ast.DictComp) and child is parent.value:
        return not _reaches_a_combinator(model, unit, parent)
    return False


def _drops_its_argument(
    model: SemanticModel, unit: CodeUnit, call: ast.Call, argument: ast.AST
) -> bool:
    """A call that is given a step's coroutine and cannot be seen to await it: not a
    combinator, not a container that keeps it for one (`tasks.append(...)`), not a function
    of the file that may await it or hand it on (an `async def`, or a `def` that returns,
    stores or passes on the parameter it arrives in)."""
    scope = model.scopes.scope_at(call)
    if hands_steps_to_a_combinator(call, scope, model.scopes):
        return False
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in _KEEPING_METHODS:
        container = func.value
        return _is_local(container, unit) and not _handed_off(model, unit, container.id)
    function = model.scopes.resolve_function(func, scope)
    if function is None:
        return True
    if model.scopes.is_method(function):
        return False  # (which parameter the argument fills depends on how it is reached)
    parameter = _parameter_of(function, call, argument)
    return (
        isinstance(function, ast.FunctionDef)
        and parameter is not None
        and not any(_hands_off(model, read, unit) for read in model.names_read(function, parameter))
    )


def _parameter_of(function: FunctionNode, call: ast.Call, argument: ast.AST) -> str | None:
    """The parameter of a plain function of the file that an argument of its call arrives in
    (None when that cannot be told: a starred argument)."""
    if isinstance(argument, ast.keyword):
        named = [*positional_parameters(function.args), *function.args.kwonlyargs]
        return argument.arg if any(p.arg == argument.arg for p in named) else None  # (**kw)
    if not isinstance(argument, ast.expr) or argument not in call.args:
        return None
    if any(isinstance(each, ast.Starred) for each in call.args):
        return None
    positional = positional_parameters(function.args)
    index = call.args.index(argument)
    return positional[index].arg if index < len(positional) else None


def _is_local(expr: ast.expr, unit: CodeUnit) -> TypeGuard[ast.Name]:
    """A variable of the unit's own function (whose every use the unit holds)."""
    return isinstance(expr, ast.Name) and expr.id in unit.scope.bindings


def _reaches_a_combinator(model: SemanticModel, unit: CodeUnit, node: ast.AST) -> bool:
    """A comprehension of step calls handed to a combinator (`gather(*[...])`), or kept in a
    variable (which UWF302 follows to its combinator)."""
    parent = model.parent(node)
    while isinstance(parent, ast.Starred | ast.List | ast.Tuple | ast.Await):
        node, parent = parent, model.parent(parent)
    if isinstance(parent, ast.Call):
        scope = model.scopes.scope_at(parent)
        return hands_steps_to_a_combinator(parent, scope, model.scopes)
    if isinstance(parent, ast.Assign):
        return not _assigned_and_never_awaited(model, parent, unit)
    return isinstance(parent, ast.AnnAssign | ast.NamedExpr)


_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp)
# Methods that keep their argument in a container, as `tasks.append(context.run(...))` does.
_KEEPING_METHODS = frozenset({"append", "extend", "insert", "add", "put", "put_nowait"})


def _assigned_and_never_awaited(model: SemanticModel, statement: ast.stmt, unit: CodeUnit) -> bool:
    """`pending = context.run(...)`, and `pending` is never awaited or handed to other code."""
    if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
        return False
    target = statement.targets[0]
    return isinstance(target, ast.Name) and not _handed_off(model, unit, target.id)


def _handed_off(model: SemanticModel, unit: CodeUnit, name: str) -> bool:
    """Some use of the variable may await what it holds (see `_hands_off`). A use inside a
    step function of the unit awaits nothing for the workflow: the step runs its work once,
    apart from the code that made the coroutine."""
    step_functions = [
        step.step_function.node for step in unit.step_calls if step.step_function is not None
    ]
    return any(
        _hands_off(model, node, unit)
        for node in model.names_read(unit.node, name)
        if not any(contains(function, node) for function in step_functions)
    )


def _hands_off(model: SemanticModel, node: ast.Name | ast.keyword, unit: CodeUnit) -> bool:
    """The coroutine (a name, or the keyword argument it is passed as) may be awaited from
    there: awaited, returned, stored, passed on (to anything but a log or print)."""
    parent = model.parent(node)
    if isinstance(parent, ast.Call):
        scope = model.scopes.scope_at(parent)
        qualified = model.scopes.qualified_name(parent.func, scope)
        return not (
            parent.func is node
            or is_logging_call(parent, model.origins, scope)
            or qualified in _INSPECTING_BUILTINS
            or (qualified in _KEY_READING_BUILTINS and _is_dict(model, node, scope))
        )
    if isinstance(parent, ast.keyword):
        return _hands_off(model, parent, unit)
    return isinstance(parent, _HANDING_OFF)


def _is_dict(model: SemanticModel, node: ast.Name | ast.keyword, scope: Scope) -> bool:
    """A name bound once to a dict display or comprehension: iterating it gives its keys."""
    bound = model.scopes.single_value(node, scope) if isinstance(node, ast.Name) else None
    return bound is not None and isinstance(bound[0], ast.Dict | ast.DictComp)


# Builtins that look at a value and let it go: `len(pending)` awaits nothing.
_INSPECTING_BUILTINS = frozenset(
    f"builtins.{name}" for name in ("len", "bool", "str", "repr", "id", "type", "isinstance")
)
# Builtins that iterate a value: over a dict, they see its keys, not the coroutines it holds.
_KEY_READING_BUILTINS = frozenset(
    f"builtins.{name}" for name in ("sorted", "list", "set", "tuple", "iter", "enumerate")
)
_HANDING_OFF = (
    ast.Await,
    ast.Return,
    ast.Yield,
    ast.Starred,
    ast.List,
    ast.Tuple,
    ast.Set,
    ast.Dict,
    ast.Assign,
    ast.AnnAssign,
    ast.NamedExpr,
    ast.Lambda,
)


def _await_fix(model: SemanticModel, step: StepCall) -> Fix | None:
    """`await ` before the call, where the function it is made in is an `async def`."""
    scope = model.scopes.scope_at(step.node).function_scope
    if not isinstance(scope.node, ast.AsyncFunctionDef):
        return None
    start = model.source.node_range(step.node).start
    edit = Edit(Range(start, start), "await ")
    return Fix("Add await", (edit,), Applicability.UNSAFE)
