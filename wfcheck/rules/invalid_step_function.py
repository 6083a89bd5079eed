"""## What it does
Checks the step function passed to `context.run`: a function that takes required parameters,
an `async def` step on the sync context (Flask, `serve`), or a literal that is not callable.

A function of another module of the project passed by name, or through `functools.partial`,
is checked from its summary (a method of another module's class is not).

## Why is this bad?
The SDK calls the step function with no arguments, so a required parameter raises a
`TypeError` when the step runs. On the sync context the SDK does not await what the step
function returns: an `async def` step returns a coroutine, and the step fails with "Object of
type coroutine is not JSON serializable". A literal is not a function at all. Bind values
with a default argument (`lambda b=batch: ...`) or `functools.partial`.

The `...` placeholder of the docs is not reported.

## Example
```python
@serve.post("/api/batches")
async def process(context: AsyncWorkflowContext[dict]) -> None:
    def _process(batch_id: str) -> str:
        return f"processed {batch_id}"

    await context.run("process", _process)
```

Use instead:
```python
import functools


@serve.post("/api/batches")
async def process(context: AsyncWorkflowContext[dict]) -> None:
    def _process(batch_id: str) -> str:
        return f"processed {batch_id}"

    batch_id = context.request_payload["batch_id"]
    await context.run("process", functools.partial(_process, batch_id))
```

## Fix safety
There is no fix: what the parameters should receive is not in the code.

## References
- [Upstash Workflow: context.run](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.scopes import left_unbound, required_keywords, required_positional
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.step_results import unbound_parameters
from wfcheck.model.workflows import StepCall
from wfcheck.rule import Rule

_NOT_CALLABLE = (
    ast.Constant,
    ast.JoinedStr,
    ast.List,
    ast.Tuple,
    ast.Set,
    ast.Dict,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
)


class InvalidStepFunction(Rule):
    code = "UWF205"
    name = "invalid-step-function"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for step in model.step_calls():
            if step.function is not None:
                problem = _problem(model, step)
                if problem is not None:
                    yield self.diagnostic(model, step.function, problem)


def _problem(model: SemanticModel, step: StepCall) -> str | None:
    argument = step.function
    if isinstance(argument, _NOT_CALLABLE):
        if isinstance(argument, ast.Constant) and argument.value is Ellipsis:
            return None
        return "the step function is a literal, not a function: the SDK calls it and fails"
    function = step.step_function
    if function is None:
        return _project_function_problem(model, step)
    node = function.node
    if isinstance(node, ast.AsyncFunctionDef) and not step.context.is_async:
        return _async_on_sync(node.name)
    positional = [parameter.arg for parameter in required_positional(node.args)]
    keywords = [parameter.arg for parameter in required_keywords(node.args)]
    if positional and _binds_its_instance(model, step, node):
        positional = positional[1:]  # `self.load`: a bound method gets its instance
    return _requires(left_unbound(positional, keywords, argument))


def _project_function_problem(model: SemanticModel, step: StepCall) -> str | None:
    """A function of another module of the project passed as the step function, by name or
    through `functools.partial` (a method is left out: whether its instance is bound is not
    in its summary)."""
    argument = step.function
    assert argument is not None
    function = model.step_results.project_step_function(argument, model.scopes.scope_at(step.node))
    if function is None or "." in function.name:
        return None
    if function.is_async and not step.context.is_async:
        return _async_on_sync(function.name)
    return _requires(unbound_parameters(function, argument))


def _async_on_sync(name: str) -> str:
    return (
        f"'{name}' is an async def step on the sync context: the SDK does not await it "
        'and the step fails with "Object of type coroutine is not JSON serializable"'
    )


def _requires(required: list[str]) -> str | None:
    if not required:
        return None
    return (
        f"the step function requires {', '.join(required)}, but the SDK calls it with no "
        "arguments: the step fails with a TypeError; bind values with a default or "
        "functools.partial"
    )


def _binds_its_instance(model: SemanticModel, step: StepCall, node: ast.AST) -> bool:
    """The step function is a method reached through an instance (`self.load`, also in
    `functools.partial(self.load, ...)`), which passes it as the first parameter."""
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or step.function is None:
        return False
    scope = model.scopes.scope_at(step.node)
    reference = model.scopes.partial_target(step.function, scope) or step.function
    return isinstance(reference, ast.Attribute) and model.scopes.passed_self(reference, scope, node)
