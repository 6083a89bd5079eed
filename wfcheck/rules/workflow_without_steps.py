"""## What it does
Checks for route functions registered with the SDK from which no step call is reachable,
directly or through workflow helpers of the same file.

## Why is this bad?
Before every run the SDK makes a dry run of the route function that stops at the first step;
that is how it authenticates the request. A workflow without a step returns from the dry run,
and every call is answered with HTTP 400 "Failed to authenticate Workflow request". Even a
placeholder implementation needs one step.

A route that hands its context to code the analysis cannot see (a function imported from
another module, a method) is assumed to reach a step and is not reported.

## Example
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    print("Processing input:", context.request_payload)
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    async def _dummy_step() -> None:
        return

    await context.run("dummy-step", _dummy_step)
```

## Fix safety
The fix inserts a placeholder first step, `await context.run("<workflow>-first-step", lambda:
None)`. It is display-only: where the first step belongs is for you to decide.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Range, Severity
from wfcheck.model.nodes import is_docstring
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.workflows import WorkflowFunction
from wfcheck.rule import FixAvailability, Rule


class WorkflowWithoutSteps(Rule):
    code = "UWF301"
    name = "workflow-without-steps"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = Applicability.DISPLAY_ONLY

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for workflow in model.roots:
            if not workflow.is_route or model.may_reach_step(workflow):
                continue
            context = workflow.context.parameter.arg
            message = (
                f"workflow '{workflow.node.name}' never calls a step, so every call fails with "
                f'"Failed to authenticate Workflow request"; add at least one {context}.run'
            )
            at = model.source.name_range(workflow.node)
            yield self.diagnostic(model, at, message, fix=_first_step(model, workflow))


def _first_step(model: SemanticModel, workflow: WorkflowFunction) -> Fix | None:
    """Insert a placeholder step before the body's first statement (after a docstring)."""
    body = workflow.node.body
    first = body[1] if len(body) > 1 and is_docstring(body[0]) else body[0]
    source = model.source
    # A decorated statement starts at its first decorator; the step goes on a line of its own.
    line = min([first.lineno, *(d.lineno for d in getattr(first, "decorator_list", ()))])
    column = source.char_column(first.lineno, first.col_offset)
    if (
        first.lineno == workflow.node.lineno
        or source.line(first.lineno)[:column].strip()  # `def f(\n context): x = 1`, `a; b`
        or (first is body[0] and is_docstring(first))
    ):
        return None
    context = workflow.context
    if context.is_async and not isinstance(workflow.node, ast.AsyncFunctionDef):
        return None  # `await` cannot go in a def (UWF304 reports the route)
    name = model.step_names.allocate(workflow, "first-step")
    step = f'{context.parameter.arg}.run("{name}", lambda: None)'
    if context.is_async:
        step = f"await {step}"
    indent = source.line_indent(line)
    start = Position(line, 0)
    edit = Edit(Range(start, start), f"{indent}{step}{source.newline()}")
    return Fix("Insert a first step", (edit,), Applicability.DISPLAY_ONLY)
