"""## What it does
Checks for step bodies that hand a result to later code through outer state instead of
returning it: an assignment to a `nonlocal` or `global` name, or a change to an object held by
a variable of the enclosing workflow function (`results.append(...)`, `data["key"] = ...`,
`state.done = True`, `del cache[key]`, `total += ...`), also when the step returns the object
too.

## Why is this bad?
A step runs once. On every later call of the workflow endpoint the route function runs again
from the top and `context.run` returns the recorded result without running the step, so
whatever the step stored outside itself is gone: the variable holds its initial value again
(`result` is `None` in the caveats page's example) and the next step works on it. Only the
value the step returns is recorded and replayed.

Objects defined at module level and changed through their methods or items (clients, caches)
are not reported.

## Example
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    result = None

    async def _step_1() -> None:
        nonlocal result
        result = await some_work(context.request_payload)

    await context.run("step-1", _step_1)
    await context.run("step-2", lambda: some_other_work(result))
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    async def _step_1() -> dict:
        return await some_work(context.request_payload)

    result = await context.run("step-1", _step_1)
    await context.run("step-2", lambda: some_other_work(result))
```

## Fix safety
No fix yet.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.steps import OuterWrite, WriteKind
from wfcheck.rule import Rule


class StepResultViaOuterState(Rule):
    code = "UWF201"
    name = "step-result-via-outer-state"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for write in model.outer_writes:
            yield self.diagnostic(model, write.node, _message(write))


def _message(write: OuterWrite) -> str:
    step = write.unit.step_call
    label = step.label if step is not None else write.unit.name
    names = ", ".join(f"'{name}'" for name in write.names)
    if write.kind is WriteKind.MUTATION:
        change = f"changes {names}, a variable of '{write.owner}'"
    else:
        plural = "s" if len(write.names) > 1 else ""
        change = f"assigns the {write.kind.value} variable{plural} {names}"
    return (
        f"step {label} {change}, but later calls of the workflow replay the step without "
        "running it, so the change is lost; return the value from the step instead"
    )
