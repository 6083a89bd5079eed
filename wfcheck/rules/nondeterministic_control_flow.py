"""## What it does
Checks for an `if`, `while`, `for`, `match`, comprehension or conditional expression in
workflow code outside steps whose test, subject or iterable depends on a value read outside a
step (a clock, a random value, I/O), where that decides which step calls run: a step call sits
in one of its branches or in its body, or a branch leaves the function or the loop before a
later step call.

## Why is this bad?
Each call of the workflow endpoint replays the recorded steps in order and checks the name and
type of each one against the record. When a replay takes another branch than the call that
recorded the steps, the n-th step is a different one and the run fails with "Incompatible step
name". Decide on a value returned by a step instead: it is recorded once and replayed
unchanged.

A conditional expression whose branches hold no step call decides nothing and is not
reported. A branch already reported as UWF104 (an early return before the first step) is not
reported again.

## Example
```python
import time


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    if time.time() % 5 == 2:
        await context.run("step-1", lambda: "one")
    else:
        await context.run("step-2", lambda: "two")
```

Use instead:
```python
import time


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    now = await context.run("read-clock", lambda: time.time())
    if now % 5 == 2:
        await context.run("step-1", lambda: "one")
    else:
        await context.run("step-2", lambda: "two")
```

## Fix safety
There is no fix: the source has to move into a step (see UWF101 to UWF103, whose fix does it).

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.rule import Rule
from wfcheck.rules._consequences import reported_decisions, source_reference


class NondeterministicControlFlow(Rule):
    code = "UWF105"
    name = "nondeterministic-control-flow"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for decision in reported_decisions(model.flow):
            cause, related = source_reference(model, decision.source)
            message = (
                f"which steps run here depends on {cause}, which runs outside a step: when the "
                'workflow is called again it can take another path and fail with "Incompatible '
                'step name"'
            )
            yield self.diagnostic(model, decision.test, message, related=related)
