"""## What it does
Checks for step calls (also calls of workflow helpers that make steps) in the body of a `try`
(also `try/except*`) whose handler catches `WorkflowAbort` (a bare `except`, `Exception`,
`BaseException`, or a tuple holding one of them) without re-raising it first, and inside
`with contextlib.suppress(...)` of such a class.

## Why is this bad?
After a step runs, the SDK raises `WorkflowAbort` to end the call; that is how every call but
the last one finishes. `WorkflowAbort` subclasses `Exception`, so a broad handler swallows it
and the route goes on. If it reaches another step, the async SDK fails with "Running parallel
steps is not yet available" (the sync SDK submits a second step in the same call); if it
returns, the SDK takes the run as finished and deletes it. The SDK's own message says it:
do not wrap `context.run/sleep/sleep_until/call` in try/except, or re-raise `WorkflowAbort`.

A handler that re-raises first is not reported: an earlier `except WorkflowAbort: raise`,
`except Exception as e:` whose first statement is `if isinstance(e, WorkflowAbort): raise`
(or `if type(e) is WorkflowAbort: raise`), a bare `raise` first, or logging and then `raise`.
Steps in the `else`, `finally` and handlers of a `try` are not in its reach.

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
signal through. There is no fix for `except*` (which cannot be mixed with `except`) and for
`contextlib.suppress`.

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
from wfcheck.rule import FixAvailability, Rule

_BROAD = frozenset({"builtins.Exception", "builtins.BaseException"})


class StepInSwallowingTry(Rule):
    code = "UWF305"
    name = "step-in-swallowing-try"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = Applicability.SAFE

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for unit in model.units(Region.ORCHESTRATION):
            for statement in unit.scope.statements:
                if not isinstance(statement, ast.Try | ast.TryStar):
                    continue
                if not _holds_step(model, unit, statement, statement.body[-1]):
                    continue
                handler = _swallowing_handler(model, statement, unit.scope)
                if handler is not None:
                    fix = None
                    if isinstance(statement, ast.Try):  # `except*` cannot take a plain `except`
                        fix = _reraise_fix(model, unit, handler)
                    yield self.diagnostic(model, _header_range(model, handler), _MESSAGE, fix=fix)
            yield from self._suppressing_blocks(model, unit)

    def _suppressing_blocks(self, model: SemanticModel, unit: CodeUnit) -> Iterator[Diagnostic]:
        """`with contextlib.suppress(Exception):` around a step."""
        for scope in unit.scope.region_scopes():
            for statement in scope.withs:
                for item in statement.items:
                    expr = item.context_expr
                    if (
                        isinstance(expr, ast.Call)
                        and model.scopes.qualified_name(expr.func, scope) == "contextlib.suppress"
                        and any(_catches_abort(_caught(model, a, scope)) for a in expr.args)
                        and _holds_step(model, unit, statement, statement.body[-1])
                    ):
                        yield self.diagnostic(model, expr, _SUPPRESS_MESSAGE)


_MESSAGE = (
    "this handler catches WorkflowAbort, which the SDK raises after every step to end the call: "
    "the route goes on as if the step had not happened; re-raise WorkflowAbort first"
)
_SUPPRESS_MESSAGE = (
    "this suppresses WorkflowAbort, which the SDK raises after every step to end the call: "
    "the route goes on as if the step had not happened; suppress narrower exceptions"
)


def _holds_step(model: SemanticModel, unit: CodeUnit, statement: ast.stmt, last: ast.stmt) -> bool:
    """A step call (or a call of a helper that makes steps) in the statement up to `last`."""
    return any(
        model.workflows.is_step_call_or_step_helper(call)
        and contains(statement, call)
        and (call.lineno, call.col_offset) <= (last.end_lineno, last.end_col_offset)
        for call in unit.calls()
    )


def _catches_abort(caught: set[str]) -> bool:
    return bool(caught & ({"WorkflowAbort"} | _BROAD))


def _swallowing_handler(
    model: SemanticModel, statement: ast.Try | ast.TryStar, scope: Scope
) -> ast.ExceptHandler | None:
    """The first handler that sees WorkflowAbort, when it does not re-raise it first."""
    for handler in statement.handlers:
        if not _catches_abort(_caught(model, handler.type, scope)):
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
    """`raise` first, or `if isinstance(e, WorkflowAbort): raise` (or `type(e) is`) first."""
    first = handler.body[0]
    if isinstance(first, ast.Raise):
        return _reraises(first, handler)
    if not isinstance(first, ast.If) or not isinstance(first.body[0], ast.Raise):
        return False
    return _reraises(first.body[0], handler) and _tests_for_abort(model, first.test, scope)


def _reraises(statement: ast.Raise, handler: ast.ExceptHandler) -> bool:
    exc = statement.exc
    return exc is None or (isinstance(exc, ast.Name) and exc.id == handler.name)


def _tests_for_abort(model: SemanticModel, test: ast.expr, scope: Scope) -> bool:
    """`isinstance(e, WorkflowAbort)` or `type(e) is WorkflowAbort` (also `==`)."""
    if isinstance(test, ast.Call) and len(test.args) == 2:
        return model.scopes.qualified_name(
            test.func, scope
        ) == "builtins.isinstance" and "WorkflowAbort" in _caught(model, test.args[1], scope)
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return False
    left, right = test.left, test.comparators[0]
    return (
        isinstance(test.ops[0], ast.Is | ast.Eq)
        and isinstance(left, ast.Call)
        and model.scopes.qualified_name(left.func, scope) == "builtins.type"
        and "WorkflowAbort" in _caught(model, right, scope)
    )


def _always_reraises(model: SemanticModel, handler: ast.ExceptHandler) -> bool:
    """`logger.exception(...)` then `raise`: nothing in between leaves or makes a step."""
    last = handler.body[-1]
    if not isinstance(last, ast.Raise) or not _reraises(last, handler):
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
