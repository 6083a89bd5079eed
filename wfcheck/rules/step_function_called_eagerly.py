"""## What it does
Checks for `context.run("name", work())` and `context.run("name", await work())`: the step
function called where the step is declared, instead of passed to it.

## Why is this bad?
The argument is evaluated before `context.run` is even called, so the work runs outside the
step, on every call of the workflow endpoint (the code before the first step at least twice
per call), and what reaches the SDK is its result, not a function. Pass a function: a lambda,
a def, or `functools.partial`; the SDK calls it once and awaits what it returns.

A call of a function of the file that returns a function (a step factory) and
`functools.partial(...)` are not reported.

## Example
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload
    await context.run("charge", charge_card(order["card"], order["total"]))
```

Use instead:
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    order = context.request_payload
    await context.run("charge", lambda: charge_card(order["card"], order["total"]))
```

## Fix safety
The fix turns the argument into `lambda: work()` (`await work()` becomes `lambda: work()`: the
SDK awaits an awaitable the step function returns). It is unsafe: the work now runs once,
inside the step, where it used to run on every call; runs in flight see the change.

## References
- [Upstash Workflow: context.run](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Applicability, Diagnostic, Fix, Severity
from wfcheck.fixes import replace
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import describe_callee
from wfcheck.model.workflows import StepCall
from wfcheck.rule import FixAvailability, Rule


class StepFunctionCalledEagerly(Rule):
    code = "UWF203"
    name = "step-function-called-eagerly"
    severity = Severity.ERROR
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = Applicability.UNSAFE

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for step in model.step_calls():
            argument = step.function
            call = argument.value if isinstance(argument, ast.Await) else argument
            if argument is None or not isinstance(call, ast.Call):
                continue
            if not _is_eager(model, step, call):
                continue
            callee = describe_callee(call.func)
            message = (
                f"{callee}() is called here, outside the step, on every call of the workflow, "
                f"and its result is passed as the step function; pass a function: "
                f"lambda: {callee}(...)"
            )
            yield self.diagnostic(model, argument, message, fix=_lambda_fix(model, argument, call))


def _is_eager(model: SemanticModel, step: StepCall, call: ast.Call) -> bool:
    scope = model.scopes.scope_at(call)
    if model.scopes.qualified_name(call.func, scope) == "functools.partial":
        return False
    factory = model.scopes.resolve_function(call.func, scope)
    if factory is not None:
        return not model.returns_function(factory)
    imported = model.workflows.imported_function(call.func, scope)
    return imported is None or not imported[0].returns_function


def _lambda_fix(model: SemanticModel, argument: ast.expr, call: ast.Call) -> Fix | None:
    if any(isinstance(node, ast.Await | ast.Yield | ast.YieldFrom) for node in ast.walk(call)):
        return None
    edit = replace(model.source, argument, f"lambda: {model.source.segment(call)}")
    return Fix("Pass the step function as a lambda", (edit,), Applicability.UNSAFE)
