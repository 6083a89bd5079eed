"""## What it does
Checks the duration of `context.sleep`: a float, a negative number, or a string that is not an
integer followed by one of `s`, `m`, `h`, `d`, `w`, `mo`, `y` ("10s", "1m", "2h", "1d"). A
float is a literal, `float(...)`, a true division (`/`), `.total_seconds()`, arithmetic with a
float, or a name whose every binding, local or module level, is such a value
(`BACKOFF = 1.5`).

## Why is this bad?
The SDK sends the duration to QStash as the `Upstash-Delay` header, unchecked: an int is taken
as seconds, a string must be a whole number with a unit. A float (`1.5`), a negative value or
a string such as `"1.5h"` or `"10 s"` makes an invalid delay, and the step is rejected or
scheduled wrongly. `sleep_until` takes a time, not a duration, and is not checked.

The `...` placeholder of the docs is not reported.

## Example
```python
@serve.post("/api/reminders")
async def remind(context: AsyncWorkflowContext[dict]) -> None:
    await context.sleep("wait", "1.5h")
    await context.run("remind", lambda: "sent")
```

Use instead:
```python
@serve.post("/api/reminders")
async def remind(context: AsyncWorkflowContext[dict]) -> None:
    await context.sleep("wait", "90m")
    await context.run("remind", lambda: "sent")
```

## Fix safety
There is no fix: the intended duration is not always clear.

## References
- [Upstash Workflow: context.sleep](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.scopes import Scope
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.workflows import argument
from wfcheck.rule import Rule

_DURATION = re.compile(r"\d+(?:s|m|h|d|w|mo|y)")


class InvalidSleepDuration(Rule):
    code = "UWF307"
    name = "invalid-sleep-duration"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for step in model.step_calls():
            if step.method != "sleep":
                continue
            duration = argument(step.node, 1, "duration")
            if duration is None:
                continue
            scope = model.scopes.scope_at(duration)
            problem = _problem(duration) or _float_problem(model, duration, scope)
            if problem is not None:
                message = (
                    f"the sleep duration {problem}: it becomes an invalid Upstash-Delay header; "
                    'use whole seconds (30) or an integer with a unit ("30s", "5m", "2h", "1d")'
                )
                yield self.diagnostic(model, duration, message)


def _problem(duration: ast.expr) -> str | None:
    value = _literal_number(duration)
    if isinstance(value, float):
        return f"{value!r} is not a whole number of seconds"
    if isinstance(value, int) and value < 0:
        return f"{value} is negative"
    text = duration.value if isinstance(duration, ast.Constant) else None
    if isinstance(text, str) and not _DURATION.fullmatch(text):
        return f"{text!r} is not an integer followed by s, m, h, d, w, mo or y"
    return None


def _float_problem(model: SemanticModel, duration: ast.expr, scope: Scope) -> str | None:
    if not _is_float(model, duration, scope, _FLOAT_DEPTH):
        return None
    return f"{model.source.segment(duration)} is a float, not a whole number of seconds"


def _is_float(model: SemanticModel, expr: ast.expr, scope: Scope, depth: int) -> bool:
    """A float for certain: a literal, `float(...)`, a true division, `.total_seconds()`,
    arithmetic with a float, or a name whose every binding is such a value."""
    if depth == 0:
        return False
    if isinstance(expr, ast.Constant):
        return type(expr.value) is float
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.USub | ast.UAdd):
        return _is_float(model, expr.operand, scope, depth - 1)
    if isinstance(expr, ast.BinOp):
        if isinstance(expr.op, ast.Div):
            return True
        return isinstance(expr.op, _FLOAT_PRESERVING) and any(
            _is_float(model, side, scope, depth - 1) for side in (expr.left, expr.right)
        )
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Attribute) and func.attr == "total_seconds" and not expr.args:
            return True
        return model.scopes.qualified_name(func, scope) == "builtins.float"
    values = model.scopes.bound_values(expr, scope)
    return values is not None and all(
        _is_float(model, value, value_scope, depth - 1) for value, value_scope in values
    )


# Arithmetic whose result is a float when one side is (`//` floors, `/` always gives one).
_FLOAT_PRESERVING = (ast.Add, ast.Sub, ast.Mult, ast.Mod, ast.Pow)
_FLOAT_DEPTH = 8


def _literal_number(node: ast.expr) -> int | float | None:
    """`1.5`, `30`, `-5`: a number literal, negated or not (not a bool)."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    value = node.value if isinstance(node, ast.Constant) else None
    if type(value) is int or type(value) is float:
        return sign * value
    return None
