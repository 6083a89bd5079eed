"""## What it does
Checks step calls for a missing step name, an empty string, or a literal that is not a string
(`context.run(42, ...)`, `context.sleep(None, 10)`).

## Why is this bad?
The SDK records each step under its name and compares it on every replay. An empty or missing
name raises "A workflow step name cannot be undefined or an empty string." when the step is
reached. A name that is not a string breaks the declared `step_name: str`: the TypeScript SDK
rejects it at run time and the Python SDK passes it through unchecked, to be compared with
what comes back from JSON.

F-strings, concatenations and variables are not reported here (a name built from a value read
outside a step is UWF106's), and neither is the `...` placeholder of the docs.

## Example
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("", lambda: "charged")
```

Use instead:
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("charge", lambda: "charged")
```

## Fix safety
There is no fix: the name is yours to choose.

## References
- [Upstash Workflow: context](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.workflows import StepCall
from wfcheck.rule import Rule

_EMPTY_NAME_ERROR = '"A workflow step name cannot be undefined or an empty string."'


class InvalidStepName(Rule):
    code = "UWF306"
    name = "invalid-step-name"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for step in model.step_calls():
            what = f"{step.context.parameter.arg}.{step.method}()"
            name = step.name
            if _is_function_in_place_of_name(model, step):
                name = None
            if name is None:
                if not any(isinstance(argument, ast.Starred) for argument in step.node.args):
                    message = f"{what} has no step name: the SDK raises {_EMPTY_NAME_ERROR}"
                    yield self.diagnostic(model, step.node, message)
            elif isinstance(name, ast.Constant) and name.value is not Ellipsis:
                if name.value == "":
                    message = f"the step name is empty: the SDK raises {_EMPTY_NAME_ERROR}"
                    yield self.diagnostic(model, name, message)
                elif not isinstance(name.value, str):
                    message = (
                        f"the step name {name.value!r} is not a string: step names are compared "
                        "as strings on every replay; use a string"
                    )
                    yield self.diagnostic(model, name, message)


def _is_function_in_place_of_name(model: SemanticModel, step: StepCall) -> bool:
    """`context.run(lambda: ...)`: the step function given where the name goes."""
    if step.method != "run" or step.function is not None or step.name is None:
        return False
    scope = model.scopes.scope_at(step.node)
    return isinstance(step.name, ast.Lambda) or (
        model.scopes.resolve_function(step.name, scope) is not None
    )
