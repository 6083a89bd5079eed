"""## What it does
Checks for step functions that return a value `json.dumps` rejects, where that is evident from
the code, also inside a returned list, tuple or dict and through calls of functions of the file.

The values: a set or frozenset; bytes (a literal, `.encode()`, `read_bytes()`,
`b"".join(...)`); a `datetime`, `date`, `UUID` or `Decimal` object; a `Path` (also
`base / "name"`); a generator or iterator; a function or class; an open file; a client or
connection object; a `requests` or `httpx` response; an instance of a class of the file (a
dataclass, a pydantic model, a plain class, a member of a plain `Enum`). They are found in the
returned expression, inside the list, tuple and dict displays and comprehensions it builds,
through local names, and through calls of functions of the file whose every `return` gives
such a value (`lambda: build_quote(sku)`, with the chain in the message). Across modules of
the project: the same through a function of another module (called in the step, or handed to
`context.run` as the step function itself), and instances of another module's classes.

Not flagged: instances of `TypedDict`, `NamedTuple`, `Enum` subclasses of `str` or `int`,
subclasses of `dict`, `list`, `str`, `int` or `float`, and classes with a base or decorator the
rule does not know; converted values (`.isoformat()`, `model_dump()`, `sorted(...)`,
`str(...)`); results of unknown calls; calls of functions that may return a JSON value on
some path; the placeholder `...`.

## Why is this bad?
The SDK sends a step's result to QStash as JSON and replays it from there. A value that
`json.dumps` cannot encode makes the step fail with a `TypeError` ("Object of type set is not
JSON serializable") after its work is done, and the workflow retries it again and again.
Return JSON values: a list for a set, an ISO string for a datetime, `str()` of a UUID.

## Example
```python
from datetime import datetime


@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    shipped_at = await context.run("ship", lambda: datetime.now())
    await context.run("notify", lambda: shipped_at)
```

Use instead:
```python
from datetime import datetime


@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    shipped_at = await context.run("ship", lambda: datetime.now().isoformat())
    await context.run("notify", lambda: shipped_at)
```

## Fix safety
There is no fix: how to encode the value is a choice of the code that reads it.

## References
- [Upstash Workflow: context.run](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, RelatedLocation, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.step_results import Rejected
from wfcheck.model.workflows import CodeUnit, Region, UnitKind
from wfcheck.rule import Rule


class UnserializableStepResult(Rule):
    code = "UWF204"
    name = "unserializable-step-result"
    severity = Severity.WARNING

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit in model.units(Region.STEP):
            if unit.kind is not UnitKind.STEP:
                continue
            for returned in _returned_values(unit):
                found = model.step_results.rejected(returned, unit.scope)
                if found is not None:
                    yield self._finding(model, returned, found)
        for step in model.step_calls():
            if step.function is not None and step.step_function is None:
                scope = model.scopes.scope_at(step.node)
                found = model.step_results.returned_by_reference(
                    step.function, scope, step.context.is_async
                )
                if found is not None:
                    yield self._finding(model, step.function, found)

    def _finding(self, model: SemanticModel, returned: ast.expr, found: Rejected) -> Diagnostic:
        chain = " -> ".join(f"{name}()" for name in found.through)
        origin = f" from {chain}" if chain else ""
        message = (
            f"the step returns {found.what}{origin}, which json.dumps rejects: the step "
            "fails with a TypeError after its work is done; return a JSON value instead"
        )
        related: tuple[RelatedLocation, ...] = ()
        if found.returned_at is not None:
            where = model.source.node_range(found.returned_at)
            related = (RelatedLocation(where, f"{found.through[-1]}() returns it here"),)
        return self.diagnostic(model, returned, message, related=related)


def _returned_values(unit: CodeUnit) -> Iterator[ast.expr]:
    if isinstance(unit.node, ast.Lambda):
        yield unit.node.body
        return
    for statement in unit.scope.statements:
        if isinstance(statement, ast.Return) and statement.value is not None:
            yield statement.value
