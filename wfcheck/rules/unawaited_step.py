"""## What it does
Checks for step calls on the async context (FastAPI, `async_serve`) that are never awaited:
a statement that calls `context.run(...)`, `context.sleep(...)` or `context.call(...)` without
`await`, or a step call assigned to a name that is never used again.

## Why is this bad?
On the async context the step methods are coroutines: without `await` nothing runs. Python
warns "coroutine ... was never awaited" and the step is silently skipped, on every call, with
everything that depends on it.

A step call handed to `asyncio.gather`, a task group or another call is not reported here
(running steps concurrently is UWF302's), and neither is a step call on the sync context.

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
new step when they replay ("Incompatible step name").

## References
- [Upstash Workflow: context](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Range, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import is_logging_call
from wfcheck.model.workflows import CodeUnit, Region, StepCall, UnitKind
from wfcheck.rule import Rule


class UnawaitedStep(Rule):
    code = "UWF303"
    name = "unawaited-step"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit in model.units(Region.ORCHESTRATION):
            if not unit.context.is_async or _is_mismatched_route(unit):
                continue
            for step in _unawaited(model, unit):
                what = f"{unit.context.parameter.arg}.{step.method}()"
                message = (
                    f"{what} is not awaited, so the step never runs: it is skipped on every call "
                    "of the workflow; await it"
                )
                yield self.diagnostic(model, step.node, message, fix=_await_fix(model, step))


def _is_mismatched_route(unit: CodeUnit) -> bool:
    """A plain def registered with an async adapter: UWF304's, it never runs."""
    registration = unit.workflow.registration
    return (
        unit.kind is UnitKind.ROUTE
        and registration is not None
        and registration.is_async is not isinstance(unit.node, ast.AsyncFunctionDef)
    )


def _unawaited(model: SemanticModel, unit: CodeUnit) -> Iterator[StepCall]:
    steps = {step.node: step for step in unit.step_calls}
    for statement in unit.scope.statements:
        value = getattr(statement, "value", None)
        step = steps.get(value) if isinstance(value, ast.Call) else None
        if step is None:
            continue
        if isinstance(statement, ast.Expr) or _assigned_and_never_awaited(model, statement, unit):
            yield step


def _assigned_and_never_awaited(model: SemanticModel, statement: ast.stmt, unit: CodeUnit) -> bool:
    """`pending = context.run(...)`, and `pending` is never awaited or handed to other code."""
    if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
        return False
    target = statement.targets[0]
    if not isinstance(target, ast.Name):
        return False
    return not any(
        isinstance(node, ast.Name)
        and node.id == target.id
        and isinstance(node.ctx, ast.Load)
        and _hands_off(model, node, unit)
        for node in ast.walk(unit.node)
    )


def _hands_off(model: SemanticModel, name: ast.Name, unit: CodeUnit) -> bool:
    """The coroutine may be awaited from there: awaited, returned, stored, passed on (to
    anything but a log or print)."""
    parent = model.parent(name, unit)
    if isinstance(parent, ast.Call):
        scope = model.scopes.innermost(unit.scope, parent)
        return parent.func is not name and not is_logging_call(parent, model.origins, scope)
    if isinstance(parent, ast.keyword):
        return _hands_off(model, parent, unit)  # type: ignore[arg-type]
    return isinstance(parent, _HANDING_OFF)


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
    if not isinstance(step.unit.node, ast.AsyncFunctionDef):
        return None
    start = model.source.node_range(step.node).start
    edit = Edit(Range(start, start), "await ")
    return Fix("Add await", (edit,), Applicability.UNSAFE)
