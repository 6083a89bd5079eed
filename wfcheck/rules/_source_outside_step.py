"""What UWF101 to UWF103 share: a source in orchestration code, and the wrap-in-a-step fix."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import ClassVar

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, RelatedLocation
from wfcheck.fixes import reference, replace
from wfcheck.model.flow import SourceUse
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import ResultKind, SourceKind
from wfcheck.rule import Rule

# How a result that json.dumps rejects is carried through the step: (inside, outside).
_ROUND_TRIPS = {
    ResultKind.DATETIME: ("{}.isoformat()", "datetime.datetime.fromisoformat"),
    ResultKind.DATE: ("{}.isoformat()", "datetime.date.fromisoformat"),
    ResultKind.UUID: ("str({})", "uuid.UUID"),
    ResultKind.BYTES: ("{}.hex()", "builtins.bytes.fromhex"),
}


class SourceOutsideStep(Rule):
    kind: ClassVar[SourceKind]
    consequence: ClassVar[str]

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for use in model.flow.sources:
            if use.kind is not self.kind:
                continue
            context = use.unit.context.parameter.arg
            through = use.spec.through
            chain = f" ({_chain(through)})" if through else ""
            message = (
                f"{use.callee}() runs outside a step and {self.consequence}{chain}; "
                f"move it into {context}.run"
            )
            related = ()
            if use.spec.read_at is not None:
                where = model.source.node_range(use.spec.read_at)
                related = (RelatedLocation(where, f"{through[-1]}() is read here"),)
            fix = wrap_in_step(model, use)
            yield self.diagnostic(model, use.call, message, fix=fix, related=related)


def _chain(through: tuple[str, ...]) -> str:
    """`current_window() -> time.time`."""
    return " -> ".join([*(f"{name}()" for name in through[:-1]), through[-1]])


def wrap_in_step(model: SemanticModel, use: SourceUse) -> Fix | None:
    """`await context.run("<workflow>-<what>", lambda: <source>)` in place of the source."""
    if not _can_wrap(model, use) or any(
        _can_wrap(model, outer) for outer in model.flow.enclosing_sources[use]
    ):
        return None  # a source inside another one that can move moves with it
    unit = use.unit
    context = unit.context
    scope = model.scopes.innermost(unit.scope, use.call)
    source = model.source
    inner = source.segment(use.call)
    edits: tuple[Edit, ...] = ()
    outer = "{}"
    round_trip = _ROUND_TRIPS.get(use.spec.result)
    if round_trip is not None:
        inside, converter = round_trip
        found = reference(converter, scope, model.scopes, source)
        if found is None:
            return None
        converter_text, edits = found
        inner = inside.format(inner)
        outer = converter_text + "({})"
    func = use.call.func
    what = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "value")
    name = model.step_names.allocate(unit.workflow, what)
    step = f'{context.parameter.arg}.run("{name}", lambda: {inner})'
    if context.is_async:
        step = f"await {step}"
        if round_trip is None and _needs_parentheses(model, use):
            step = f"({step})"
    edit = replace(source, use.expression, outer.format(step))
    title = f"Wrap {use.callee}() in a step"
    return Fix(title, (edit, *edits), Applicability.UNSAFE)


def _can_wrap(model: SemanticModel, use: SourceUse) -> bool:
    unit = use.unit
    context = unit.context
    scope = model.scopes.innermost(unit.scope, use.call)
    return not (
        use.in_step_name
        or scope is not unit.scope
        or use.spec.result is ResultKind.NOT_SERIALIZABLE
        or (context.is_async and not isinstance(unit.node, ast.AsyncFunctionDef))
        or use.call.lineno != use.call.end_lineno
        or _awaits_inside(use.call)
        or model.workflows.context_of(ast.Name(id=context.parameter.arg), scope) is not context
    )


def _awaits_inside(call: ast.Call) -> bool:
    """`random.choice(await items())` cannot move into a lambda: await needs async def."""
    return any(isinstance(node, ast.Await | ast.Yield | ast.YieldFrom) for node in ast.walk(call))


def _needs_parentheses(model: SemanticModel, use: SourceUse) -> bool:
    """`(await ...)` inside operators and before `.attr`, `[i]` or a call; bare elsewhere."""
    parent = model.parent(use.expression, use.unit)
    if isinstance(parent, ast.Call):
        return parent.func is use.expression
    return not isinstance(parent, _BARE_AWAIT_PARENTS)


_BARE_AWAIT_PARENTS = (
    ast.If,
    ast.While,
    ast.Expr,
    ast.Assign,
    ast.AnnAssign,
    ast.AugAssign,
    ast.Return,
    ast.keyword,
    ast.List,
    ast.Tuple,
    ast.Set,
    ast.Dict,
    ast.FormattedValue,
)
