"""## What it does
Checks for the same literal step name used twice in straight-line code of one workflow
function (not in a loop or a branch). The rule is opt-in: select `UWF309` to turn it on.

## Why is this bad?
The SDK allows a name to be reused: it checks each step by its position, and the official
examples reuse constant names inside loops. But two different steps with one name in a row are
usually a copy-and-paste slip, and they make the run's history in the console ambiguous. Give
each step its own name.

## Example
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("charge", lambda: "charged")
    await context.run("charge", lambda: "shipped")
```

Use instead:
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("charge", lambda: "charged")
    await context.run("ship", lambda: "shipped")
```

## Fix safety
There is no fix: renaming a step changes the step history of runs in flight.

## References
- [Upstash Workflow: context](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.nodes import start, statement_path
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.workflows import Region
from wfcheck.rule import Rule


class DuplicateStepName(Rule):
    code = "UWF309"
    name = "duplicate-step-name"
    severity = Severity.INFORMATION
    opt_in = True

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit in model.units(Region.ORCHESTRATION):
            if isinstance(unit.node, ast.Lambda):
                continue
            first_lines: dict[tuple[int, str], int] = {}
            for step in sorted(unit.step_calls, key=lambda step: start(step.node)):
                name = step.name
                if not isinstance(name, ast.Constant) or not isinstance(name.value, str):
                    continue
                path = statement_path(unit.node.body, step.node)
                if not path or any(isinstance(s, _LOOPS) for _, s in path):
                    continue
                key = (id(path[-1][0]), name.value)  # the same block of statements
                if key in first_lines:
                    message = (
                        f"the step name {name.value!r} is already used by the step at line "
                        f"{first_lines[key]}; give each step its own name"
                    )
                    yield self.diagnostic(model, name, message)
                else:
                    first_lines[key] = step.node.lineno


_LOOPS = (ast.For, ast.AsyncFor, ast.While)
