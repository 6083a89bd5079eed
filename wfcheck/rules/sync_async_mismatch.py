"""## What it does
Checks route functions whose kind does not match the adapter that registers them: an
`async def` registered with a sync adapter (Flask's `Serve(app).route`, `serve`), or a plain
`def` registered with an async one (FastAPI's `Serve(app).post`, `async_serve`).

## Why is this bad?
The Flask and FastAPI adapters check the kind when the module is imported and raise
`ValueError` ("route_function must be a sync function when using the @serve.route decorator",
"route_function must be an async function when using the @serve.post decorator"): the app does
not start. `serve` calls the route function without awaiting it, so an `async def` never runs;
`async_serve` awaits what a plain `def` returns, which fails on every call.

## Example
```python
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

flask_serve = Serve(Flask(__name__))


@flask_serve.route("/api/report")
async def report(context: WorkflowContext[dict]) -> None:
    await context.run("build", lambda: "built")
```

Use instead:
```python
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

flask_serve = Serve(Flask(__name__))


@flask_serve.route("/api/report")
def report(context: WorkflowContext[dict]) -> None:
    context.run("build", lambda: "built")
```

## Fix safety
For an `async def` registered with a sync adapter whose only awaits are its step calls, the fix
removes `async` and those `await`s. It is unsafe: the function's behaviour changes, and what it
calls may expect to be awaited.

## References
- [Upstash Workflow: Flask](https://upstash.com/docs/workflow/quickstarts/flask)
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Range, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.workflows import CodeUnit, WorkflowFunction
from wfcheck.rule import FixAvailability, Rule

_ADAPTER_NAMES = {
    "upstash_workflow.flask.Serve": "Flask's Serve.route",
    "upstash_workflow.fastapi.Serve": "FastAPI's Serve.post",
}
_CONSEQUENCES = {
    ("upstash_workflow.flask.Serve", True): (
        "Serve.route raises ValueError when the module is imported (it registers sync functions "
        "only)"
    ),
    ("upstash_workflow.fastapi.Serve", False): (
        "Serve.post raises ValueError when the module is imported (it registers async functions "
        "only)"
    ),
}


class SyncAsyncMismatch(Rule):
    code = "UWF304"
    name = "sync-async-mismatch"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = Applicability.UNSAFE

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for workflow in model.roots:
            registration = workflow.registration
            is_async_def = isinstance(workflow.node, ast.AsyncFunctionDef)
            if registration is None or registration.is_async in (None, is_async_def):
                continue
            adapter = registration.adapter
            consequence = _CONSEQUENCES.get((adapter, is_async_def)) or (
                "the route function is never awaited, so it never runs"
                if is_async_def
                else "what it returns is awaited, which fails on every call"
            )
            kind = "an async def" if is_async_def else "a plain def"
            registered_with = _ADAPTER_NAMES.get(adapter, f"{adapter.rsplit('.', 1)[-1]}()")
            message = (
                f"'{workflow.node.name}' is {kind} registered with {registered_with}: {consequence}"
            )
            fix = _make_sync(model, workflow) if is_async_def else None
            yield self.diagnostic(model, model.source.name_range(workflow.node), message, fix=fix)


def _make_sync(model: SemanticModel, workflow: WorkflowFunction) -> Fix | None:
    """Remove `async` and the `await`s of step calls, when those are its only awaits."""
    unit = next(u for u in model.workflows.units if u.node is workflow.node)
    steps = {step.node for step in unit.step_calls}
    awaits = [node for scope in unit.scope.region_scopes() for node in scope.awaits]
    if any(node.value not in steps for node in awaits) or _has_async_blocks(unit):
        return None
    source = model.source
    start = source.node_range(workflow.node).start
    line = source.line(start.line)
    match = re.compile(r"async\s+").match(line, start.column)
    if match is None:
        return None
    edits = [Edit(Range(start, Position(start.line, match.end())), "")]
    for node in awaits:
        await_start = source.node_range(node).start
        edits.append(Edit(Range(await_start, source.node_range(node.value).start), ""))
    return Fix("Make the route function sync", tuple(edits), Applicability.UNSAFE)


def _has_async_blocks(unit: CodeUnit) -> bool:
    return any(
        isinstance(statement, ast.AsyncFor | ast.AsyncWith) for statement in unit.scope.statements
    )
