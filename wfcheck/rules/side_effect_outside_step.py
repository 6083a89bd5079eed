"""## What it does
Checks for `print` and logging calls (the `logging` module and its loggers) in workflow code
outside steps. The rule is opt-in: select `UWF108` to turn it on.

## Why is this bad?
The workflow endpoint is called once per step and the route function re-runs from the top on
every call, so a log line outside a step is written again on every call, and the code before
the first step runs at least twice per call. The caveats page says it plainly: "This log will
appear multiple times". Logging inside a step writes once, when the step runs. Repeated logs
are often harmless, which is why the rule is opt-in.

## Example
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    result = await context.run("step-1", lambda: {"success": True})
    print("Step 1 status is:", result["success"])
    await context.run("step-2", lambda: "done")
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    result = await context.run("step-1", lambda: {"success": True})

    async def _step_2() -> str:
        print("Step 1 status is:", result["success"])
        return "done"

    await context.run("step-2", _step_2)
```

## Fix safety
There is no fix: whether a repeated log matters is for you to decide.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import describe_callee, is_logging_call
from wfcheck.model.workflows import Region
from wfcheck.rule import Rule


class SideEffectOutsideStep(Rule):
    code = "UWF108"
    name = "side-effect-outside-step"
    severity = Severity.INFORMATION
    opt_in = True

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for _, scope, call in model.calls(Region.ORCHESTRATION):
            if is_logging_call(call, model.origins, scope):
                message = (
                    f"{describe_callee(call.func)}() runs outside a step, so this output is "
                    "written again on every call of the workflow; log inside a step to log once"
                )
                yield self.diagnostic(model, call, message)
