"""What UWF101 to UWF103 share: a source in orchestration code, and the wrap-in-a-step fix."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import ClassVar

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, RelatedLocation
from wfcheck.fixes import reference, replace
from wfcheck.model.flow import Decision, SourceUse
from wfcheck.model.nodes import Point, end, last_name, start
from wfcheck.model.semantic import SemanticModel
from wfcheck.model.sources import ResultKind, SourceKind, is_logging_call
from wfcheck.model.workflows import CodeUnit, UnitKind
from wfcheck.rule import FixAvailability, Rule
from wfcheck.rules._consequences import covered_decisions, reported_decisions

# How a result that json.dumps rejects is carried through the step: (inside, outside).
_ROUND_TRIPS = {
    ResultKind.DATETIME: ("{}.isoformat()", "datetime.datetime.fromisoformat"),
    ResultKind.DATE: ("{}.isoformat()", "datetime.date.fromisoformat"),
    ResultKind.UUID: ("str({})", "uuid.UUID"),
    ResultKind.BYTES: ("{}.hex()", "builtins.bytes.fromhex"),
}


class SourceOutsideStep(Rule):
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = Applicability.UNSAFE
    kind: ClassVar[SourceKind]
    consequence: ClassVar[str]

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for use in model.flow.sources:
            if use.kind is not self.kind or _only_times_a_step(model, use):
                continue
            context = model.workflows.context_name_in(use.unit)
            through = use.spec.through
            chain = f" ({use.spec.chain()})" if through else ""
            message = (
                f"{use.shown} runs outside a step and {self.consequence}{chain}; "
                f"move it into {context}.run"
            )
            related: tuple[RelatedLocation, ...] = ()
            elsewhere = use.spec.read_elsewhere
            if use.spec.read_at is not None:
                where = model.source.node_range(use.spec.read_at)
                related = (RelatedLocation(where, f"{through[-1]}() is read here"),)
            elif elsewhere is not None:
                note = f"{through[-1]}() is read here"
                related = (RelatedLocation(elsewhere.range, note, elsewhere.path),)
            fix = wrap_in_step(model, use)
            yield self.diagnostic(model, use.call, message, fix=fix, related=related)


def _only_times_a_step(model: SemanticModel, use: SourceUse) -> bool:
    """A clock value that reaches only non-name arguments of `sleep`, `sleep_until` or `call`
    (`until = datetime.now() + timedelta(days=7)` then `sleep_until("wait", until)`), through
    local variables used nowhere else but in logs: it never changes what runs."""
    if use.kind is not SourceKind.CLOCK or not any(
        step.method in _TIMING_METHODS for step in use.unit.step_calls
    ):
        return False
    name = _assigned_name(model, use.unit, use.expression)
    return name is not None and _used_only_to_time_steps(model, use.unit, name, _ALIAS_DEPTH)


def _assigned_name(model: SemanticModel, unit: CodeUnit, node: ast.AST) -> str | None:
    """The name that the statement holding `node` assigns it to (as part of its value)."""
    parent = model.parent(node)
    while parent is not None and not isinstance(parent, ast.stmt):
        node, parent = parent, model.parent(parent)
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
        target: ast.expr | None = parent.targets[0]
    elif isinstance(parent, ast.AnnAssign):
        target = parent.target
    else:
        return None
    value = getattr(parent, "value", None)
    return target.id if isinstance(target, ast.Name) and node is value else None


def _used_only_to_time_steps(model: SemanticModel, unit: CodeUnit, name: str, depth: int) -> bool:
    """Every use of the local times a step or is logged, and one at least times a step."""
    uses = {_use_of_time(model, unit, node, depth) for node in model.names_read(unit.node, name)}
    return _TIMES_A_STEP in uses and uses <= {_TIMES_A_STEP, _LOGGED}


def _use_of_time(model: SemanticModel, unit: CodeUnit, node: ast.AST, depth: int) -> str:
    """Whether a use is inside a timing argument of a step call, inside a log, or feeds
    another local used only so; anything else is another use."""
    child, parent = node, model.parent(node)
    while parent is not None and not isinstance(parent, ast.stmt):
        if isinstance(parent, ast.Call) and child is not parent.func:
            step = model.workflows.step_call(parent)
            if step is not None:
                named = child is step.name or getattr(child, "value", None) is step.name
                timing = step.method in _TIMING_METHODS and not named
                return _TIMES_A_STEP if timing else _OTHER_USE
            scope = model.scopes.scope_at(parent)
            if is_logging_call(parent, model.origins, scope):
                return _LOGGED
        child, parent = parent, model.parent(parent)
    alias = _assigned_name(model, unit, node) if depth else None
    if alias is not None and _used_only_to_time_steps(model, unit, alias, depth - 1):
        return _TIMES_A_STEP
    return _OTHER_USE


_TIMES_A_STEP, _LOGGED, _OTHER_USE = "times a step", "logged", "other"
# The step methods whose other arguments say when a step runs, not whether or which.
_TIMING_METHODS = frozenset({"sleep", "sleep_until", "call"})
_ALIAS_DEPTH = 3


def wrap_in_step(model: SemanticModel, use: SourceUse) -> Fix | None:
    """`await context.run("<workflow>-<what>", lambda: <source>)` in place of the source."""
    if not _can_wrap(model, use) or any(
        _can_wrap(model, outer) for outer in model.flow.enclosing_sources[use]
    ):
        return None  # a source inside another one that can move moves with it
    if _new_step_reveals_findings(model, use):
        return None
    unit = use.unit
    context = unit.context
    scope = model.scopes.scope_at(use.call)
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
    what = last_name(use.call.func if isinstance(use.call, ast.Call) else use.call) or "value"
    quote = _free_quote(model, use)
    context_name = model.workflows.context_name(context, scope)
    if quote is None or context_name is None:
        return None
    name = model.step_names.allocate(unit.workflow, what, unit.name)
    step = f"{context_name}.run({quote}{name}{quote}, lambda: {inner})"
    if context.is_async:
        step = f"await {step}"
        if round_trip is None and _needs_parentheses(model, use):
            step = f"({step})"
    edit = replace(source, use.expression, outer.format(step))
    title = f"Wrap {use.shown} in a step"
    return Fix(title, (edit, *edits), Applicability.UNSAFE)


def _new_step_reveals_findings(model: SemanticModel, use: SourceUse) -> bool:
    """A step added where the source is would make findings appear that are not there (the
    fix invariants): another non-deterministic construct that decides no step now (the new
    step is in its branch, or after it and a branch leaves early), an early return that would
    no longer come before the first step, a step name no longer inside a reported construct,
    or a first step in a helper, which changes what its callers' branches decide."""
    unit, at = use.unit, use.position
    if unit.kind is UnitKind.HELPER and not model.workflows.reaches_step(unit.node):
        return True
    flow = model.flow
    reported, covered = set(reported_decisions(flow)), covered_decisions(flow)
    for decision in flow.decisions:
        if decision.unit is not unit or decision.source is use or decision in reported:
            continue
        construct = decision.construct
        if _decided_by(decision, at):
            return True
        if decision in covered:
            if start(construct) > at:  # its return would follow a step
                return True
        elif start(construct) < at and _exits(construct):  # it would decide the new step
            return True
    if any(
        early.unit is unit and early.source is not use and start(early.node) > at
        for early in flow.early_returns
    ):
        return True
    return any(
        name.source is not use and any(d.source is use and d in reported for d in name.enclosing)
        for name in flow.step_names
        if name.step.unit is unit
    )


def _decided_by(decision: Decision, at: Point) -> bool:
    """A step added at `at` would run or not, or run more or fewer times, by the decision: it
    is inside the construct but not in a test evaluated once before the construct branches."""
    construct, test = decision.construct, decision.test
    if not start(construct) <= at < end(construct):
        return False
    return isinstance(construct, ast.While) or not start(test) <= at < end(test)


def _exits(construct: ast.AST) -> bool:
    return any(isinstance(node, _EXITS) for node in ast.walk(construct))


_EXITS = (ast.Return, ast.Raise, ast.Break, ast.Continue)


def _free_quote(model: SemanticModel, use: SourceUse) -> str | None:
    """A quote for the step's name that no f-string around the source contains: before Python
    3.12 a replacement field cannot hold its f-string's quote. None when both kinds are used."""
    used = ""
    node = model.parent(use.expression)
    while node is not None:
        if isinstance(node, ast.JoinedStr):
            used += model.source.segment(node)
        node = model.parent(node)
    return next((quote for quote in ('"', "'") if quote not in used), None)


def _can_wrap(model: SemanticModel, use: SourceUse) -> bool:
    unit = use.unit
    context = unit.context
    scope = model.scopes.scope_at(use.call)
    if not isinstance(use.call, ast.Call):
        return False  # a property's read
    return not (
        use.in_step_name
        or scope is not unit.scope
        or use.spec.result is ResultKind.NOT_SERIALIZABLE
        or (context.is_async and not isinstance(unit.node, ast.AsyncFunctionDef))
        # `await` in a plain def does not compile: no fix would make it right
        or (isinstance(use.expression, ast.Await) and not context.is_async)
        or use.call.lineno != use.call.end_lineno
        # a project helper that gets the context: moved into a step, its steps would nest
        or model.workflows.project_call(use.call) is not None
        or _awaits_inside(use.call)
        or not model.workflows.is_visible(context, scope)
    )


def _awaits_inside(call: ast.Call) -> bool:
    """`random.choice(await items())` cannot move into a lambda: await needs async def."""
    return any(isinstance(node, ast.Await | ast.Yield | ast.YieldFrom) for node in ast.walk(call))


def _needs_parentheses(model: SemanticModel, use: SourceUse) -> bool:
    """`(await ...)` inside operators and before `.attr`, `[i]` or a call; bare elsewhere."""
    parent = model.parent(use.expression)
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
