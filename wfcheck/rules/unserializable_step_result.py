"""## What it does
Checks for step functions that return a value `json.dumps` rejects, where that is evident from
the code: a set or frozenset, bytes, a `datetime`, `date` or `UUID` object, a generator, a
function, an open file, or a client or connection object.

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

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.scopes import Scope
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import CLIENT_ORIGINS
from wfcheck.model.workflows import CodeUnit, Region, UnitKind
from wfcheck.rule import Rule

_CONSTRUCTED = {
    "builtins.set": "a set",
    "builtins.frozenset": "a frozenset",
    "builtins.bytes": "bytes",
    "builtins.bytearray": "a bytearray",
    "builtins.open": "an open file",
    "io.open": "an open file",
    "datetime.datetime": "a datetime",
    "datetime.datetime.now": "a datetime",
    "datetime.datetime.utcnow": "a datetime",
    "datetime.datetime.today": "a datetime",
    "datetime.datetime.fromisoformat": "a datetime",
    "datetime.datetime.fromtimestamp": "a datetime",
    "datetime.datetime.strptime": "a datetime",
    "datetime.date": "a date",
    "datetime.date.today": "a date",
    "datetime.date.fromisoformat": "a date",
    "uuid.UUID": "a UUID",
    "uuid.uuid1": "a UUID",
    "uuid.uuid3": "a UUID",
    "uuid.uuid4": "a UUID",
    "uuid.uuid5": "a UUID",
    "uuid.uuid6": "a UUID",
    "uuid.uuid7": "a UUID",
}


class UnserializableStepResult(Rule):
    code = "UWF204"
    name = "unserializable-step-result"
    severity = Severity.WARNING

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit in model.units(Region.STEP):
            if unit.kind is not UnitKind.STEP:
                continue
            for returned in _returned_values(unit):
                what = _unserializable(model, returned, unit.scope)
                if what is not None:
                    message = (
                        f"the step returns {what}, which json.dumps rejects: the step fails with "
                        "a TypeError after its work is done; return a JSON value instead"
                    )
                    yield self.diagnostic(model, returned, message)


def _returned_values(unit: CodeUnit) -> Iterator[ast.expr]:
    if isinstance(unit.node, ast.Lambda):
        yield unit.node.body
        return
    for statement in unit.scope.statements:
        if isinstance(statement, ast.Return) and statement.value is not None:
            yield statement.value


def _unserializable(model: SemanticModel, value: ast.expr, scope: Scope) -> str | None:
    """What the value evidently is, when json.dumps rejects it."""
    if isinstance(value, ast.Set | ast.SetComp):
        return "a set"
    if isinstance(value, ast.Constant) and isinstance(value.value, bytes):
        return "bytes"
    if isinstance(value, ast.GeneratorExp):
        return "a generator"
    if isinstance(value, ast.Lambda):
        return "a function"
    if isinstance(value, ast.Call):
        return _unserializable_call(model, value, scope)
    if isinstance(value, ast.Name):
        if model.scopes.resolve_function(value, scope) is not None:
            return "a function"
        bound = model.scopes.single_value(value, scope)
        if bound is not None and bound[1] is scope:  # a local assigned once
            return _unserializable(model, bound[0], scope)
    return None


def _unserializable_call(model: SemanticModel, call: ast.Call, scope: Scope) -> str | None:
    qualified = model.scopes.qualified_name(call.func, scope)
    if qualified in _CONSTRUCTED:
        return _CONSTRUCTED[qualified]
    func = call.func
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "encode"
        and _is_text(model, func.value, scope)
    ):
        return "bytes"
    if model.origins.of(call, scope) in CLIENT_ORIGINS:
        return "a client or connection object"
    return None


def _is_text(model: SemanticModel, value: ast.expr, scope: Scope) -> bool:
    """A string literal, an f-string or `str(...)`: what `.encode()` turns into bytes."""
    if isinstance(value, ast.Call):
        return model.scopes.qualified_name(value.func, scope) == "builtins.str"
    is_literal = isinstance(value, ast.Constant) and isinstance(value.value, str)
    return is_literal or isinstance(value, ast.JoinedStr)
