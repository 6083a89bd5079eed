"""## What it does
Checks for step calls (`context.run`, `context.sleep`, `context.sleep_until`, `context.call`)
inside a step body, made directly or through a workflow helper that the step calls.

## Why is this bad?
Steps cannot be nested: a step body runs once and its return value is the step's result. The
Python SDK has no guard against a nested step. On the async context the nested call fails with
the misleading "Running parallel steps is not yet available in workflow-py"; on the sync
(Flask) context it corrupts the recorded step history, and the next call fails with
"Incompatible step name". Call the inner step from the workflow, between steps.

## Example
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    async def _step_1() -> None:
        await context.sleep("wait", 10)
        await context.run("inner", lambda: "value")

    await context.run("step-1", _step_1)
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    await context.sleep("wait", 10)
    await context.run("inner", lambda: "value")
```

## Fix safety
There is no fix: which steps to hoist out of the step is a design decision.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import describe_callee
from wfcheck.model.workflows import CodeUnit, Region, UnitKind
from wfcheck.rule import Rule


class NestedStepCall(Rule):
    code = "UWF202"
    name = "nested-step-call"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit in model.units(Region.STEP):
            if unit.kind is not UnitKind.STEP:
                continue  # a helper called from a step: reported at that call
            outcome = _outcome(unit)
            for step in unit.step_calls:
                what = f"{describe_callee(step.node.func)}()"
                yield self.diagnostic(model, step.node, _message(unit, what, outcome))
            for helper_call in unit.helper_calls:
                if model.workflows.reaches_step(helper_call.helper):
                    what = f"{helper_call.helper.name}(), which makes steps,"
                    yield self.diagnostic(model, helper_call.node, _message(unit, what, outcome))
            for project_call in unit.project_calls:
                if project_call.makes_steps:
                    name = project_call.summary.name
                    what = f"{name}() ({project_call.module.path}), which makes steps,"
                    yield self.diagnostic(model, project_call.node, _message(unit, what, outcome))


def _outcome(unit: CodeUnit) -> str:
    if unit.context.is_async:
        return 'the SDK fails with "Running parallel steps is not yet available in workflow-py"'
    return 'the step history is corrupted and the next call fails with "Incompatible step name"'


def _message(unit: CodeUnit, what: str, outcome: str) -> str:
    step = unit.step_call
    label = step.label if step is not None else unit.name
    return f"{what} is called inside step {label}: steps cannot be nested, and {outcome}"
