"""## What it does
Checks for step calls (also calls of workflow helpers that make steps) inside a `try` whose
handler catches `WorkflowAbort` (a bare `except`, `Exception`, `BaseException`, or a tuple
holding one of them) without re-raising it first.

## Why is this bad?
After a step runs, the SDK raises `WorkflowAbort` to end the call; that is how every call but
the last one finishes. `WorkflowAbort` subclasses `Exception`, so a broad handler swallows it
and the route goes on. If it reaches another step, the async SDK fails with "Running parallel
steps is not yet available" (the sync SDK submits a second step in the same call); if it
returns, the SDK takes the run as finished and deletes it. The SDK's own message says it:
do not wrap `context.run/sleep/sleep_until/call` in try/except, or re-raise `WorkflowAbort`.

A handler that re-raises first is not reported: an earlier `except WorkflowAbort: raise`, or
`except Exception as e:` whose first statement is `if isinstance(e, WorkflowAbort): raise`.

## Example
```python
@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    try:
        await context.run("charge", lambda: "charged")
    except Exception:
        await context.run("refund", lambda: "refunded")
```

Use instead:
```python
from upstash_workflow import WorkflowAbort


@serve.post("/api/orders")
async def fulfil(context: AsyncWorkflowContext[dict]) -> None:
    try:
        await context.run("charge", lambda: "charged")
    except WorkflowAbort:
        raise
    except Exception:
        await context.run("refund", lambda: "refunded")
```

## Fix safety
The fix inserts `except WorkflowAbort: raise` before the handler, and imports `WorkflowAbort`
from `upstash_workflow` if the file does not have it. It is safe: it only lets the SDK's own
signal through.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck import sdk
from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Range, Severity
from wfcheck.fixes import reference
from wfcheck.model.nodes import contains
from wfcheck.model.scopes import Scope
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.workflows import CodeUnit, Region
from wfcheck.rule import Rule

_BROAD = frozenset({"builtins.Exception", "builtins.BaseException"})


class StepInSwallowingTry(Rule):
    code = "UWF305"
    name = "step-in-swallowing-try"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit in model.units(Region.ORCHESTRATION):
            for statement in unit.scope.statements:
                if not isinstance(statement, ast.Try) or not _holds_step(model, unit, statement):
                    continue
                handler = _swallowing_handler(model, statement, unit.scope)
                if handler is not None:
                    message = (
                        "this handler catches WorkflowAbort, which the SDK raises after every "
                        "step to end the call: the route goes on as if the step had not happened; "
                        "re-raise WorkflowAbort first"
                    )
                    at = _header_range(model, handler)
                    yield self.diagnostic(
                        model, at, message, fix=_reraise_fix(model, unit, handler)
                    )


def _holds_step(model: SemanticModel, unit: CodeUnit, statement: ast.Try) -> bool:
    body_end = statement.body[-1]
    return any(
        model.workflows.is_step_call_or_step_helper(call)
        and contains(statement, call)
        and (call.lineno, call.col_offset) <= (body_end.end_lineno, body_end.end_col_offset)
        for call in unit.calls()
    )


def _swallowing_handler(
    model: SemanticModel, statement: ast.Try, scope: Scope
) -> ast.ExceptHandler | None:
    """The first handler that sees WorkflowAbort, when it does not re-raise it first."""
    for handler in statement.handlers:
        caught = _caught(model, handler.type, scope)
        if not caught & ({"WorkflowAbort"} | _BROAD):
            continue
        reraises = _reraises_first(model, handler, scope) or _always_reraises(model, handler)
        return None if reraises else handler
    return None


def _caught(model: SemanticModel, expr: ast.expr | None, scope: Scope) -> set[str]:
    """What a handler's type names: `builtins.Exception`, `WorkflowAbort`..."""
    if expr is None:
        return {"builtins.BaseException"}
    elements = expr.elts if isinstance(expr, ast.Tuple) else [expr]
    caught = set()
    for element in elements:
        qualified = model.scopes.qualified_name(element, scope)
        caught.add("WorkflowAbort" if qualified in sdk.WORKFLOW_ABORT else qualified or "")
    return caught


def _reraises_first(model: SemanticModel, handler: ast.ExceptHandler, scope: Scope) -> bool:
    """`raise` first, or `if isinstance(e, WorkflowAbort): raise` first."""
    first = handler.body[0]
    if isinstance(first, ast.Raise):
        return first.exc is None or (
            isinstance(first.exc, ast.Name) and first.exc.id == handler.name
        )
    if not isinstance(first, ast.If) or not isinstance(first.body[0], ast.Raise):
        return False
    test = first.test
    return (
        isinstance(test, ast.Call)
        and model.scopes.qualified_name(test.func, scope) == "builtins.isinstance"
        and len(test.args) == 2
        and "WorkflowAbort" in _caught(model, test.args[1], scope)
    )


def _always_reraises(model: SemanticModel, handler: ast.ExceptHandler) -> bool:
    """`logger.exception(...)` then `raise`: nothing in between leaves or makes a step."""
    last = handler.body[-1]
    if not isinstance(last, ast.Raise) or not (
        last.exc is None or (isinstance(last.exc, ast.Name) and last.exc.id == handler.name)
    ):
        return False
    inner = [node for statement in handler.body[:-1] for node in ast.walk(statement)]
    return not any(
        isinstance(node, ast.Return | ast.Break | ast.Continue | ast.Raise)
        or (isinstance(node, ast.Call) and model.workflows.is_step_call_or_step_helper(node))
        for node in inner
    )


def _header_range(model: SemanticModel, handler: ast.ExceptHandler) -> Range:
    """`except Exception as error:` without the handler's body."""
    start = model.source.position(handler.lineno, handler.col_offset)
    header = model.source.line(handler.lineno)
    colon = header.find(":", start.column)
    end = Position(handler.lineno, colon + 1 if colon >= 0 else len(header))
    return Range(start, end)


def _reraise_fix(model: SemanticModel, unit: CodeUnit, handler: ast.ExceptHandler) -> Fix | None:
    source = model.source
    found = reference(
        "upstash_workflow.WorkflowAbort",
        unit.scope,
        model.scopes,
        source,
        from_import=True,
        aliases=sdk.WORKFLOW_ABORT,
    )
    if found is None:
        return None
    name, imports = found
    start = source.position(handler.lineno, handler.col_offset)
    indent = source.line(handler.lineno)[: start.column]
    if indent.strip():
        return None  # the handler does not start its line
    first = handler.body[0]
    body_indent = source.line_indent(first.lineno) if first.lineno != handler.lineno else ""
    body_indent = body_indent or indent + "    "
    newline = source.newline()
    text = f"except {name}:{newline}{body_indent}raise{newline}{indent}"
    edit = Edit(Range(start, start), text)
    return Fix("Re-raise WorkflowAbort before this handler", (edit, *imports), Applicability.SAFE)
