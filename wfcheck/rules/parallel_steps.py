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
No fix yet.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.concurrency import MANY, ConcurrentSteps
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import describe_callee
from wfcheck.rule import Rule

_PARALLEL_ERROR = '"Running parallel steps is not yet available in workflow-py"'


class ParallelSteps(Rule):
    code = "UWF302"
    name = "parallel-steps"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for finding in model.concurrent_steps:
            yield self.diagnostic(model, finding.node, _message(finding))


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
