"""## What it does
Checks for step calls made concurrent: `asyncio.gather`, `asyncio.wait` and task groups
(`asyncio.TaskGroup`, `anyio` and `trio` task groups) holding two or more step calls (also a
starred list or a comprehension of them), and racing forms holding any step call:
`asyncio.wait(..., return_when=FIRST_COMPLETED)` (or `FIRST_EXCEPTION`),
`asyncio.as_completed`, and `asyncio.wait_for` or `asyncio.timeout` around a step.

## Why is this bad?
The Python SDK runs no parallel steps: when a second step coroutine is pending while the first
one runs, it raises "Running parallel steps is not yet available in workflow-py. Ensure that
you are awaiting the steps sequentially." This is the Python side of the caveats page's "Avoid
Promise.any": racing steps is not supported by any Upstash Workflow SDK, and the Python SDK
does not support `Promise.all` either. Await the steps one after another.

A single step in `gather` and a task created from one step and awaited alone are not
reported. Nested combinators are reported once, at the outermost.

## Example
```python
import asyncio


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    first, second = await asyncio.gather(
        context.run("first", lambda: 1),
        context.run("second", lambda: 2),
    )
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    first = await context.run("first", lambda: 1)
    second = await context.run("second", lambda: 2)
```

## Fix safety
For `await asyncio.gather(...)` of literal step calls, the fix awaits them one after another,
in order: one statement per step for a statement or a tuple assignment, a list of awaits
elsewhere. It is unsafe: runs in flight recorded a different plan of steps.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Applicability, Diagnostic, Fix, Severity
from wfcheck.fixes import replace
from wfcheck.model.concurrent_steps import MANY, ConcurrentSteps
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import describe_callee
from wfcheck.rule import FixAvailability, Rule

_PARALLEL_ERROR = '"Running parallel steps is not yet available in workflow-py"'


class ParallelSteps(Rule):
    code = "UWF302"
    name = "parallel-steps"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = Applicability.UNSAFE

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for finding in model.concurrent_steps:
            fix = _sequential_fix(model, finding)
            yield self.diagnostic(model, finding.node, _message(finding), fix=fix)


def _sequential_fix(model: SemanticModel, finding: ConcurrentSteps) -> Fix | None:
    """`await asyncio.gather(a, b)` of literal step calls becomes `await a`, then `await b`."""
    gather, unit = finding.node, finding.unit
    steps = gather.args
    if (
        unit is None
        or finding.combinator != "asyncio.gather"
        or gather.keywords
        or not all(isinstance(s, ast.Call) and model.workflows.step_call(s) for s in steps)
    ):
        return None
    awaited = model.parent(gather)
    if not isinstance(awaited, ast.Await):
        return None
    statement = model.parent(awaited)
    source = model.source
    texts = [f"await {source.segment(step)}" for step in steps]
    if isinstance(statement, ast.Expr | ast.Assign) and statement.value is awaited:
        lines = _statement_lines(statement, texts)
        if lines is not None:
            indent = source.line_indent(statement.lineno)
            text = f"{source.newline()}{indent}".join(lines)
            edit = replace(source, statement, text)
            return Fix("Await the steps one after another", (edit,), Applicability.UNSAFE)
    edit = replace(source, awaited, f"[{', '.join(texts)}]")
    return Fix("Await the steps one after another", (edit,), Applicability.UNSAFE)


def _statement_lines(statement: ast.Expr | ast.Assign, awaits: list[str]) -> list[str] | None:
    """`await a` per line, or `x = await a` per line for `x, y = await gather(a, b)`."""
    if isinstance(statement, ast.Expr):
        return awaits
    targets = statement.targets
    if len(targets) != 1 or not isinstance(targets[0], ast.Tuple | ast.List):
        return None
    elements = targets[0].elts
    names = [element.id for element in elements if isinstance(element, ast.Name)]
    if len(names) != len(elements) or len(names) != len(awaits):
        return None
    return [f"{name} = {text}" for name, text in zip(names, awaits, strict=True)]


def _message(finding: ConcurrentSteps) -> str:
    combinator = describe_callee(finding.node.func)
    if finding.racing:
        return (
            f"{combinator}() races steps, the Python analog of Promise.any, which Upstash "
            "Workflow does not support: await each step on its own"
        )
    count = "two or more" if finding.steps >= MANY else str(finding.steps)
    return (
        f"{combinator}() runs {count} steps at once, but workflow-py has no parallel steps and "
        f"fails with {_PARALLEL_ERROR}; await the steps one after another"
    )
