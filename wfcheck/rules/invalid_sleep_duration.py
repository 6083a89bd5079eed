"""## What it does
Checks the duration of `context.sleep`: a float, a negative number, or a string that is not an
integer followed by one of `s`, `m`, `h`, `d`, `w`, `mo`, `y` ("10s", "1m", "2h", "1d").

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
            problem = _problem(duration) if duration is not None else None
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


def _literal_number(node: ast.expr) -> int | float | None:
    """`1.5`, `30`, `-5`: a number literal, negated or not (not a bool)."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return sign * node.value
    return None
