"""## What it does
Checks for step bodies that hand a result to later code through outer state instead of
returning it: an assignment to a `nonlocal` or `global` name, or a change to an object held by
a variable of the enclosing workflow function (`results.append(...)`, `data["key"] = ...`,
`state.done = True`, `setattr(state, "done", True)`, `del cache[key]`, `total += ...`), also
when the step returns the object too.

## Why is this bad?
A step runs once. On every later call of the workflow endpoint the route function runs again
from the top and `context.run` returns the recorded result without running the step, so
whatever the step stored outside itself is gone: the variable holds its initial value again
(`result` is `None` in the caveats page's example) and the next step works on it. Only the
value the step returns is recorded and replayed.

Objects defined at module level and changed through their methods or items (clients, caches)
are not reported.

## Example
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    result = None

    async def _step_1() -> None:
        nonlocal result
        result = await some_work(context.request_payload)

    await context.run("step-1", _step_1)
    await context.run("step-2", lambda: some_other_work(result))
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    async def _step_1() -> dict:
        return await some_work(context.request_payload)

    result = await context.run("step-1", _step_1)
    await context.run("step-2", lambda: some_other_work(result))
```

## Fix safety
For a def step whose one `nonlocal` variable is assigned once, by its last statement, the fix
returns the value instead and assigns the result of `context.run` to the variable. It is
unsafe: the step's recorded result changes, and code that relied on the old value sees the
new one.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Range, Severity
from wfcheck.model.nodes import statement_path
from wfcheck.model.outer_writes import OuterWrite, WriteKind
from wfcheck.model.scopes import is_generator
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.workflows import CodeUnit, StepCall
from wfcheck.rule import FixAvailability, Rule


class StepResultViaOuterState(Rule):
    code = "UWF201"
    name = "step-result-via-outer-state"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = Applicability.UNSAFE

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for write in model.outer_writes:
            fix = _return_fix(model, write)
            yield self.diagnostic(model, write.node, _message(write), fix=fix)


def _message(write: OuterWrite) -> str:
    step = write.unit.step_call
    label = step.label if step is not None else write.unit.name
    names = ", ".join(f"'{name}'" for name in write.names)
    if write.kind is WriteKind.MUTATION:
        change = f"changes {names}, a variable of '{write.owner}'"
    else:
        plural = "s" if len(write.names) > 1 else ""
        change = f"assigns the {write.kind.value} variable{plural} {names}"
    return (
        f"step {label} {change}, but later calls of the workflow replay the step without "
        "running it, so the change is lost; return the value from the step instead"
    )


def _return_fix(model: SemanticModel, write: OuterWrite) -> Fix | None:
    """`nonlocal result; result = work()` becomes `return work()`, and the step call
    `await context.run(...)` becomes `result = await context.run(...)`.

    Only for a def step whose one nonlocal name is assigned once, by its last statement, and
    whose step call is a statement of its own.
    """
    unit, step = write.unit, write.unit.step_call
    function = unit.node
    assignment = write.node
    if (
        write.kind is not WriteKind.NONLOCAL
        or step is None
        or not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        or function.body[-1] is not assignment
        or not isinstance(assignment, ast.Assign)
        or len(assignment.targets) != 1
        or len(unit.scope.nonlocal_names) != 1
        or len(unit.scope.bindings.get(write.names[0], ())) != 1
        # A generator cannot return its value (in an async one, `return value` does not compile).
        or is_generator(unit.scope)
        # Every return of the step must give the value: an early `return` gives None.
        or any(isinstance(statement, ast.Return) for statement in unit.scope.statements)
    ):
        return None
    declaration = next((s for s in unit.scope.statements if isinstance(s, ast.Nonlocal)), None)
    statement = _statement_of(step)
    if declaration is None or statement is None or len(declaration.names) != 1:
        return None
    source = model.source
    removal = _delete_line(model, declaration)
    if removal is None:
        return None
    value_start = source.node_range(assignment.value).start
    placeholder = _placeholder_removal(model, write, step, statement)
    if placeholder is None:
        return None
    edits = [
        removal,
        Edit(Range(source.node_range(assignment).start, value_start), "return "),
        Edit(Range(*[source.node_range(statement).start] * 2), f"{write.names[0]} = "),
        *placeholder,
        *_none_annotation_removal(model, function),
    ]
    return Fix("Return the value from the step", tuple(edits), Applicability.UNSAFE)


def _placeholder_removal(
    model: SemanticModel, write: OuterWrite, step: StepCall, call: ast.Expr
) -> list[Edit] | None:
    """`result = None` before the step, the variable's only other binding: no longer needed.
    None (no fix) when it is in another block than the step call: on the paths that skip the
    step the name would be unbound."""
    caller = step.unit
    bindings = model.scopes.lookup(caller.scope, write.names[0]) or []
    if len(bindings) != 1 or not bindings[0].is_none_placeholder:
        return []
    placed = _innermost_statement(caller, bindings[0].node)
    called = _innermost_statement(caller, call)
    if placed is None or called is None:
        return []
    block, statement = placed
    if not isinstance(statement, ast.Assign) or statement.lineno >= call.lineno:
        return []
    if block is not called[0]:  # not in the same statement list: not straight-line code
        return None
    removal = _delete_line(model, statement)
    return [removal] if removal is not None else []


def _innermost_statement(unit: CodeUnit, node: ast.AST) -> tuple[list[ast.stmt], ast.stmt] | None:
    """The statement list and the innermost statement of the unit's function holding `node`."""
    function = unit.node
    if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
        return None
    path = statement_path(function.body, node)
    return path[-1] if path else None


def _none_annotation_removal(
    model: SemanticModel, function: ast.FunctionDef | ast.AsyncFunctionDef
) -> list[Edit]:
    """`-> None` no longer holds once the step returns its value."""
    returns = function.returns
    if not (isinstance(returns, ast.Constant) and returns.value is None):
        return []
    source = model.source
    annotation = source.node_range(returns)
    line = source.line(annotation.start.line)
    arrow = line.rfind("->", 0, annotation.start.column)
    if arrow < 0:
        return []
    start = len(line[:arrow].rstrip())
    return [Edit(Range(Position(annotation.start.line, start), annotation.end), "")]


def _statement_of(step: StepCall) -> ast.Expr | None:
    """The statement `await context.run(...)` (or without await) holding the step call."""
    found = _innermost_statement(step.unit, step.node)
    statement = found[1] if found is not None else None
    if not isinstance(statement, ast.Expr):
        return None
    value = statement.value
    inner = value.value if isinstance(value, ast.Await) else value
    return statement if inner is step.node else None


def _delete_line(model: SemanticModel, statement: ast.stmt) -> Edit | None:
    """Delete a statement that is alone on its line, with the line."""
    source = model.source
    line = statement.lineno
    if source.line(line).strip() != source.segment(statement).strip():
        return None
    return Edit(Range(Position(line, 0), Position(line + 1, 0)), "")
