"""## What it does
Checks for `time.sleep` and `asyncio.sleep` in workflow code outside steps. A sleep of a
literal `0` (`await asyncio.sleep(0)`, which only yields to the event loop) pauses nothing and
is not reported.

## Why is this bad?
The workflow endpoint is called once per step and the route function re-runs from the top on
every call, so a sleep outside a step pauses every call again, holds the request open (and
counts against the platform's time limit), and does not survive a restart. `context.sleep`
is a durable sleep: QStash calls the endpoint again when the time is up, and the replay skips
it once it is recorded.

## Example
```python
import asyncio


@serve.post("/api/reminder")
async def reminder(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("send-first", lambda: "sent")
    await asyncio.sleep(60)
    await context.run("send-second", lambda: "sent")
```

Use instead:
```python
@serve.post("/api/reminder")
async def reminder(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("send-first", lambda: "sent")
    await context.sleep("wait-a-minute", 60)
    await context.run("send-second", lambda: "sent")
```

## Fix safety
For a sleep of a literal number of whole seconds, the fix replaces it with
`context.sleep("<workflow>-sleep", N)`. It is unsafe: it adds a step, so runs already in
flight fail with "Incompatible step name" when they replay.

## References
- [Upstash Workflow: context.sleep](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Applicability, Diagnostic, Fix, Severity
from wfcheck.fixes import replace
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import describe_callee
from wfcheck.model.workflows import CodeUnit, Region, argument
from wfcheck.rule import FixAvailability, Rule

_SLEEPS = frozenset({"time.sleep", "asyncio.sleep"})


class NonDurableSleep(Rule):
    code = "UWF107"
    name = "non-durable-sleep"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = Applicability.UNSAFE

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit, scope, call in model.calls(Region.ORCHESTRATION):
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr != "sleep":
                continue  # cheaper than resolving every method call
            if model.scopes.qualified_name(func, scope) not in _SLEEPS or _sleeps_zero(call):
                continue
            context = model.workflows.context_name_in(unit)
            message = (
                f"{describe_callee(call.func)}() pauses every call of the workflow again and is "
                f"lost on a restart; use {context}.sleep(name, seconds), which QStash schedules "
                "once"
            )
            fix = _durable_sleep(model, unit, call, call in model.awaited_calls(unit))
            yield self.diagnostic(model, call, message, fix=fix)


def _sleeps_zero(call: ast.Call) -> bool:
    """`sleep(0)`: the duration (first, or `asyncio.sleep`'s `delay=`) a literal zero."""
    duration = argument(call, 0, "delay")
    return (
        isinstance(duration, ast.Constant) and duration.value == 0 and duration.value is not False
    )


def _durable_sleep(
    model: SemanticModel, unit: CodeUnit, call: ast.Call, awaited: bool
) -> Fix | None:
    """`await context.sleep("<workflow>-sleep", 5)` for `await asyncio.sleep(5)`/`time.sleep(5)`."""
    seconds = _whole_seconds(call)
    target = model.parent(call) if awaited else call
    if (
        seconds is None
        or not isinstance(target, ast.expr)
        or not isinstance(model.parent(target), ast.Expr)
    ):
        return None  # only a sleep that is a statement of its own
    if unit.context.is_async and not isinstance(unit.node, ast.AsyncFunctionDef):
        return None
    context_name = model.workflows.context_name(unit.context, model.scopes.scope_at(call))
    if context_name is None:
        return None
    name = model.step_names.allocate(unit.workflow, "sleep", unit.name)
    sleep = f'{context_name}.sleep("{name}", {seconds})'
    if unit.context.is_async:
        sleep = f"await {sleep}"
    title = f"Replace {describe_callee(call.func)}() with a durable sleep"
    return Fix(title, (replace(model.source, target, sleep),), Applicability.UNSAFE)


def _whole_seconds(call: ast.Call) -> int | None:
    """The `5` of `sleep(5)`: its only argument, a literal whole number of seconds."""
    if len(call.args) != 1 or call.keywords:
        return None
    seconds = call.args[0]
    if isinstance(seconds, ast.Constant) and type(seconds.value) is int and seconds.value >= 0:
        return seconds.value
    return None
