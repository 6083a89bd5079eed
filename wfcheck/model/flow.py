"""Value tracking over orchestration code: where non-deterministic values come from and what
they decide.

An abstract interpreter walks each orchestration unit once, in execution order, with a state
that maps names to the first non-deterministic source their value depends on and knows
whether a step call has run on every path so far. It records the facts rules report:
sources, the constructs whose test decides which step calls run, returns before the first
step, and step names that depend on a source.
"""

from __future__ import annotations

import ast
import bisect
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import overload

from wfcheck.model.cached import cached_property
from wfcheck.model.nodes import Point, end, nested_blocks, span, start
from wfcheck.model.sources import (
    SourceClassifier,
    SourceKind,
    SourceSpec,
    describe_callee,
    is_logging_call,
)
from wfcheck.model.workflows import CodeUnit, StepCall, UnitKind

_MUTATING_METHODS = frozenset({"append", "extend", "insert", "update", "add", "setdefault"})


@dataclass(frozen=True, eq=False)
class SourceUse:
    """A non-deterministic source called in orchestration code (or a property of a class of
    the file that reads one, read: `hours.is_open`)."""

    call: ast.Call | ast.Attribute
    awaited: ast.Await | None
    spec: SourceSpec
    unit: CodeUnit
    in_step_name: bool

    @property
    def kind(self) -> SourceKind:
        return self.spec.kind

    @property
    def callee(self) -> str:
        return describe_callee(self.call.func if isinstance(self.call, ast.Call) else self.call)

    @property
    def shown(self) -> str:
        """As messages name it: `time.time()`, or `hours.is_open` for a property."""
        return f"{self.callee}()" if isinstance(self.call, ast.Call) else self.callee

    @property
    def position(self) -> Point:
        return (self.call.lineno, self.call.col_offset)

    @property
    def expression(self) -> ast.expr:
        """What the source evaluates as: the call, or `await call`."""
        return self.awaited if self.awaited is not None else self.call


@dataclass(eq=False)
class Decision:
    """A construct in orchestration code whose test, subject or iterable is non-deterministic."""

    construct: ast.AST
    test: ast.expr
    source: SourceUse
    unit: CodeUnit
    decides_steps: bool = False


@dataclass(frozen=True, eq=False)
class EarlyReturn:
    """A return of a route or annotated function before any step, in the branches of the
    non-deterministic constructs `enclosing` (outermost first)."""

    node: ast.Return
    source: SourceUse
    unit: CodeUnit
    enclosing: tuple[Decision, ...]


@dataclass(frozen=True, eq=False)
class StepNameUse:
    step: StepCall
    source: SourceUse
    enclosing: tuple[Decision, ...]


@dataclass
class FlowFacts:
    sources: list[SourceUse] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    early_returns: list[EarlyReturn] = field(default_factory=list)
    step_names: list[StepNameUse] = field(default_factory=list)

    @cached_property
    def enclosing_sources(self) -> dict[SourceUse, list[SourceUse]]:
        """For each source, the sources whose expression holds it (`fetch(uuid4())`)."""
        enclosing: dict[SourceUse, list[SourceUse]] = {}
        open_sources: list[SourceUse] = []
        for use in sorted(self.sources, key=_outer_first):
            while open_sources and end(open_sources[-1].expression) <= start(use.expression):
                open_sources.pop()
            enclosing[use] = list(open_sources)
            open_sources.append(use)
        return enclosing


def _outer_first(use: SourceUse) -> tuple[Point, Point]:
    """By start; of two expressions starting at one place, the longer (outer) first."""
    line, column = end(use.expression)
    return start(use.expression), (-line, -column)


@overload
def first(a: SourceUse | None, b: SourceUse) -> SourceUse: ...
@overload
def first(a: SourceUse | None, b: SourceUse | None) -> SourceUse | None: ...
def first(a: SourceUse | None, b: SourceUse | None) -> SourceUse | None:
    """The earlier of two sources; either may be missing."""
    if a is None:
        return b
    if b is None or a.position <= b.position:
        return a
    return b


class _State:
    __slots__ = ("stepped", "tainted")

    def __init__(self, tainted: dict[str, SourceUse] | None = None, stepped: bool = False) -> None:
        self.tainted = tainted if tainted is not None else {}
        self.stepped = stepped

    def copy(self) -> _State:
        return _State(dict(self.tainted), self.stepped)

    def same_as(self, other: _State) -> bool:
        return self.stepped == other.stepped and self.tainted == other.tainted


def join(*states: _State | None) -> _State | None:
    """Non-deterministic on any incoming path; stepped only when stepped on every path."""
    reachable = [state for state in states if state is not None]
    if not reachable:
        return None
    result = reachable[0].copy()
    for state in reachable[1:]:
        result.stepped = result.stepped and state.stepped
        for name, source in state.tainted.items():
            result.tainted[name] = first(result.tainted.get(name), source)
    return result


@dataclass(eq=False)
class _Loop:
    node: ast.For | ast.AsyncFor | ast.While
    breaks: list[_State] = field(default_factory=list)
    continues: list[_State] = field(default_factory=list)


@dataclass(frozen=True)
class _Exit:
    node: ast.Return | ast.Raise | ast.Break | ast.Continue
    loop: ast.AST | None  # the loop a break or continue leaves


_FAR: Point = (1 << 30, 0)
_MAX_LOOP_PASSES = 3


class OrchestrationFlow:
    """Interprets one orchestration unit and records its facts."""

    def __init__(self, unit: CodeUnit, classifier: SourceClassifier, facts: FlowFacts) -> None:
        self.unit = unit
        self.classifier = classifier
        self.workflows = classifier.workflows
        self.scopes = classifier.scopes
        self.facts = facts
        self.scope = unit.scope
        self.state: _State | None = _State()
        self.stack: list[Decision] = []
        self.loops: list[_Loop] = []
        self.try_bodies: list[dict[str, SourceUse]] = []
        self.exempt = 0
        self.in_step_name = 0
        self.chained: set[ast.Call] = set()
        self.sources_seen: set[ast.expr] = set()
        self.decisions: dict[ast.AST, Decision] = {}
        self.returns_seen: set[ast.Return] = set()
        self.names_seen: set[ast.Call] = set()

    @cached_property
    def steps(self) -> list[Point]:
        """Where the unit's step calls (and calls of helpers that make steps) are, in order."""
        is_step = self.workflows.is_step_call_or_step_helper
        return sorted(start(call) for call in self.unit.calls() if is_step(call))

    @cached_property
    def exits(self) -> list[_Exit]:
        return _collect_exits(self.unit.node)

    @cached_property
    def exit_points(self) -> list[Point]:
        return [start(exit_.node) for exit_ in self.exits]

    def run(self) -> None:
        node = self.unit.node
        if isinstance(node, ast.Lambda):
            self.expr(node.body)
        else:
            self.block(node.body, self.state)

    # Queries on step positions.

    def has_step(self, start: Point, end: Point) -> bool:
        index = bisect.bisect_left(self.steps, start)
        return index < len(self.steps) and self.steps[index] < end

    def decides_steps(self, construct: ast.AST, branches: Iterable[list[ast.stmt]]) -> bool:
        for branch in branches:
            if not branch:
                continue
            first_point, last_point = start(branch[0]), end(branch[-1])
            if self.has_step(first_point, last_point):
                return True
            low = bisect.bisect_left(self.exit_points, first_point)
            high = bisect.bisect_left(self.exit_points, last_point)
            if any(self.exit_skips_step(exit_, construct) for exit_ in self.exits[low:high]):
                return True
        return False

    def exit_skips_step(self, exit_: _Exit, construct: ast.AST) -> bool:
        node = exit_.node
        if isinstance(node, ast.Return | ast.Raise):
            if self.has_step(end(construct), _FAR):
                return True
            return any(self.has_step(*span(loop.node)) for loop in self.loops)
        loop = next((loop for loop in self.loops if loop.node is exit_.loop), None)
        if loop is None:
            return False  # leaves a loop inside the branch, not the construct
        if isinstance(node, ast.Break):
            return self.has_step(*span(loop.node))
        return self.has_step(end(construct), end(loop.node))

    # Recording.

    def decision(
        self, construct: ast.AST, test: ast.expr, source: SourceUse | None, decides: bool
    ) -> Decision | None:
        if source is None:
            return None
        decision = self.decisions.get(construct)
        if decision is None:
            decision = Decision(construct, test, source, self.unit, decides)
            self.decisions[construct] = decision
            self.facts.decisions.append(decision)
        else:
            decision.source = first(decision.source, source)
        return decision

    def record_source(
        self, call: ast.Call | ast.Attribute, awaited: ast.Await | None, spec: SourceSpec
    ) -> SourceUse:
        use = SourceUse(call, awaited, spec, self.unit, self.in_step_name > 0)
        if call not in self.sources_seen:
            self.sources_seen.add(call)
            self.facts.sources.append(use)
        return use

    # Statements.

    def block(self, body: list[ast.stmt], state: _State | None) -> _State | None:
        self.state = state
        for statement in body:
            if self.state is None:
                break
            self.statement(statement)
        return self.state

    def statement(self, node: ast.stmt) -> None:
        handler = _STATEMENTS.get(type(node))
        if handler is not None:
            handler(self, node)
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.expr(child)

    def stmt_assign(self, node: ast.Assign) -> None:
        taint = self.expr(node.value)
        for target in node.targets:
            self.assign(target, taint)

    def stmt_ann_assign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.assign(node.target, self.expr(node.value))

    def stmt_aug_assign(self, node: ast.AugAssign) -> None:
        taint = self.expr(node.value)
        if isinstance(node.target, ast.Name):
            self.bind(node.target.id, taint, join_old=True)
        else:
            self.assign(node.target, taint)

    def stmt_return(self, node: ast.Return) -> None:
        if node.value is not None:
            self.expr(node.value)
        state = self.state
        nondeterministic = self.stack
        if (
            state is not None
            and not state.stepped
            and nondeterministic
            and self.unit.kind in (UnitKind.ROUTE, UnitKind.ANNOTATED)
            and node not in self.returns_seen
        ):
            self.returns_seen.add(node)
            self.facts.early_returns.append(
                EarlyReturn(node, nondeterministic[0].source, self.unit, tuple(nondeterministic))
            )
        self.state = None

    def stmt_raise(self, node: ast.Raise) -> None:
        for child in (node.exc, node.cause):
            if child is not None:
                self.expr(child)
        self.state = None

    def stmt_break(self, node: ast.Break) -> None:
        if self.loops and self.state is not None:
            self.loops[-1].breaks.append(self.state)
        self.state = None

    def stmt_continue(self, node: ast.Continue) -> None:
        if self.loops and self.state is not None:
            self.loops[-1].continues.append(self.state)
        self.state = None

    def stmt_if(self, node: ast.If) -> None:
        taint = self.expr(node.test)
        decides = taint is not None and self.decides_steps(node, (node.body, node.orelse))
        decision = self.decision(node, node.test, taint, decides)
        entry = self.state
        with self.deciding(decision):
            after_body = self.block(node.body, entry.copy() if entry else None)
            after_else = self.block(node.orelse, entry)
        self.state = join(after_body, after_else)

    def stmt_while(self, node: ast.While) -> None:
        def head() -> Decision | None:
            taint = self.expr(node.test)
            decides = taint is not None and self.decides_steps(node, (node.body,))
            return self.decision(node, node.test, taint, decides)

        endless = isinstance(node.test, ast.Constant) and bool(node.test.value)
        self.loop(node, head, at_least_once=endless, endless=endless)

    def stmt_for(self, node: ast.For | ast.AsyncFor) -> None:
        taint = self.expr(node.iter)
        decides = taint is not None and self.decides_steps(node, (node.body,))
        decision = self.decision(node, node.iter, taint, decides)

        def head() -> Decision | None:
            self.assign(node.target, taint)
            return decision

        self.loop(node, head, at_least_once=_is_non_empty_literal(node.iter), endless=False)

    def loop(
        self,
        node: ast.For | ast.AsyncFor | ast.While,
        head: Callable[[], Decision | None],
        *,
        at_least_once: bool,
        endless: bool,
    ) -> None:
        """Runs the body until the state at the loop's head stops changing."""
        loop = _Loop(node)
        self.loops.append(loop)
        entry = self.state
        for _ in range(_MAX_LOOP_PASSES):
            self.state = entry.copy() if entry is not None else None
            decision = head() if self.state is not None else None
            with self.deciding(decision):
                after_body = self.block(node.body, self.state)
            back = join(entry, after_body, *loop.continues)
            if back is None or entry is None or back.same_as(entry):
                break
            entry = back
        self.loops.pop()
        iterated = join(after_body, *loop.continues)
        finished = iterated if at_least_once else join(entry, iterated)
        if endless:
            finished = None  # only a break leaves `while True:`
        self.state = join(self.block(node.orelse, finished), *loop.breaks)

    def stmt_try(self, node: ast.Try | ast.TryStar) -> None:
        entry = self.state
        assigned_in_body: dict[str, SourceUse] = {}
        self.try_bodies.append(assigned_in_body)
        after_body = self.block(node.body, entry.copy() if entry else None)
        self.try_bodies.pop()
        # A handler can start anywhere in the body: with any taint assigned there, and with no
        # step assumed to have run.
        handler_entry = join(entry, after_body, _State(assigned_in_body))
        if handler_entry is not None and entry is not None:
            handler_entry.stepped = entry.stepped
        outcomes = [self.block(node.orelse, after_body)]
        for handler in node.handlers:
            state = handler_entry.copy() if handler_entry else None
            if handler.type is not None and state is not None:
                self.state = state
                self.expr(handler.type)
            if handler.name and state is not None:
                state.tainted.pop(handler.name, None)
            outcomes.append(self.block(handler.body, state))
        after = join(*outcomes)
        if node.finalbody:
            after_finally = self.block(node.finalbody, after or handler_entry)
            after = after_finally if after is not None else None
        self.state = after

    def stmt_with(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            taint = self.expr(item.context_expr)
            if item.optional_vars is not None:
                self.assign(item.optional_vars, taint)
        self.block(node.body, self.state)

    def stmt_match(self, node: ast.Match) -> None:
        taint = self.expr(node.subject)
        decides = taint is not None and self.decides_steps(node, (c.body for c in node.cases))
        decision = self.decision(node, node.subject, taint, decides)
        entry = self.state
        outcomes: list[_State | None] = []
        with self.deciding(decision):
            for case in node.cases:
                self.state = entry.copy() if entry else None
                for name in _captured_names(case.pattern):
                    self.bind(name, taint)
                if case.guard is not None:
                    self.expr(case.guard)
                outcomes.append(self.block(case.body, self.state))
        if not node.cases or not _is_irrefutable(node.cases[-1]):
            outcomes.append(entry)
        self.state = join(*outcomes)

    def stmt_definition(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        for decorator in node.decorator_list:
            self.expr(decorator)
        if not isinstance(node, ast.ClassDef):
            for default in (*node.args.defaults, *node.args.kw_defaults):
                if default is not None:
                    self.expr(default)
        self.bind(node.name, None)

    def stmt_import(self, node: ast.Import | ast.ImportFrom) -> None:
        for alias in node.names:
            self.bind(alias.asname or alias.name.split(".", 1)[0], None)

    def stmt_delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.bind(target.id, None)
            else:
                self.expr(target)

    def stmt_nothing(self, node: ast.stmt) -> None:
        return None

    @contextmanager
    def deciding(self, decision: Decision | None) -> Iterator[None]:
        """Keeps a non-deterministic construct on the stack while its branches are analysed."""
        if decision is None:
            yield
            return
        self.stack.append(decision)
        try:
            yield
        finally:
            self.stack.pop()

    def bind(self, name: str, taint: SourceUse | None, *, join_old: bool = False) -> None:
        """Gives `name` the taint; with `join_old`, keeps a taint it already had."""
        if self.state is None:
            return
        if join_old:
            taint = first(self.state.tainted.get(name), taint)
        if taint is None:
            self.state.tainted.pop(name, None)
            return
        self.state.tainted[name] = taint
        for assigned in self.try_bodies:
            assigned[name] = first(assigned.get(name), taint)

    def assign(self, target: ast.expr, taint: SourceUse | None) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, taint)
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self.assign(element, taint)
        elif isinstance(target, ast.Starred):
            self.assign(target.value, taint)
        elif isinstance(target, ast.Attribute | ast.Subscript):
            if isinstance(target, ast.Subscript):
                taint = first(taint, self.expr(target.slice))
            self.store_into(target.value, taint)

    def store_into(self, container: ast.expr, taint: SourceUse | None) -> None:
        """A value stored into an object or container makes that object non-deterministic."""
        root = _root_name(container)
        if root is None or self.state is None:
            return
        if root is not container:
            self.expr(container)
        if taint is not None:
            self.bind(root.id, taint, join_old=True)

    # Expressions.

    def expr(self, node: ast.expr) -> SourceUse | None:
        if self.state is None:
            return None
        handler = _EXPRESSIONS.get(type(node))
        if handler is not None:
            return handler(self, node)
        return self.children(node)

    def children(self, node: ast.AST) -> SourceUse | None:
        taint = None
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr):
                taint = first(taint, self.expr(child))
        return taint

    def expr_name(self, node: ast.Name) -> SourceUse | None:
        return self.state.tainted.get(node.id) if self.state is not None else None

    def expr_attribute(self, node: ast.Attribute) -> SourceUse | None:
        taint = self.expr(node.value)
        spec = self.classifier.property_reading(node, self.scope)
        if spec is not None and not self.exempt:
            taint = first(self.record_source(node, None, spec), taint)
        return taint

    def expr_named(self, node: ast.NamedExpr) -> SourceUse | None:
        taint = self.expr(node.value)
        self.assign(node.target, taint)
        return taint

    def expr_lambda(self, node: ast.Lambda) -> SourceUse | None:
        for default in (*node.args.defaults, *node.args.kw_defaults):
            if default is not None:
                self.expr(default)
        return None

    def expr_await(self, node: ast.Await) -> SourceUse | None:
        if isinstance(node.value, ast.Call):
            return self.call(node.value, node)
        return self.expr(node.value)

    def expr_call(self, node: ast.Call) -> SourceUse | None:
        return self.call(node, None)

    def call(self, node: ast.Call, awaited: ast.Await | None) -> SourceUse | None:
        step = self.workflows.step_call(node)
        if step is not None:
            return self.step_call(step)
        if is_logging_call(node, self.classifier.origins, self.scope):
            self.exempt += 1
            self.arguments(node)
            self.exempt -= 1
            return None
        spec = self.classifier.classify(node, self.scope, awaited is not None)
        if spec is not None and self.classifier.is_client_call(node, self.scope):
            self.chained.update(_receiver_calls(node))
        taint = first(self.callee(node.func), self.arguments(node))
        helper = self.workflows.helper_call(node)
        if helper is not None and self.workflows.reaches_step(helper.helper) and self.state:
            self.state.stepped = True
        self.store_mutation(node, taint)
        if spec is not None and not self.exempt and node not in self.chained:
            taint = first(self.record_source(node, awaited, spec), taint)
        return taint

    def callee(self, func: ast.expr) -> SourceUse | None:
        if isinstance(func, ast.Attribute):
            return self.expr(func.value)
        if isinstance(func, ast.Name):
            return None
        return self.expr(func)

    def arguments(self, node: ast.Call) -> SourceUse | None:
        taint = None
        for argument in node.args:
            taint = first(taint, self.expr(argument))
        for keyword in node.keywords:
            taint = first(taint, self.expr(keyword.value))
        return taint

    def store_mutation(self, node: ast.Call, taint: SourceUse | None) -> None:
        """`items.append(value)` and `setattr(item, "x", value)` store a non-deterministic
        value into `items` and `item`."""
        if taint is None:
            return
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _MUTATING_METHODS:
            self.store_into(func.value, taint)
        elif node.args and self.scopes.qualified_name(func, self.scope) == "builtins.setattr":
            self.store_into(node.args[0], taint)

    def step_call(self, step: StepCall) -> SourceUse | None:
        if step.name is not None:
            self.in_step_name += 1
            taint = self.expr(step.name)
            self.in_step_name -= 1
            if taint is not None and step.node not in self.names_seen:
                self.names_seen.add(step.node)
                self.facts.step_names.append(StepNameUse(step, taint, tuple(self.stack)))
        # The other arguments are used only when the step first runs (or are its function).
        if self.state is not None:
            self.state.stepped = True
        return None

    def expr_if(self, node: ast.IfExp) -> SourceUse | None:
        taint = self.expr(node.test)
        decides = taint is not None and (
            self.has_step(*span(node.body)) or self.has_step(*span(node.orelse))
        )
        if decides:
            self.decision(node, node.test, taint, True)
        entry = self.state
        self.state = entry.copy() if entry else None
        body = self.expr(node.body)
        after_body = self.state
        self.state = entry
        orelse = self.expr(node.orelse)
        self.state = join(after_body, self.state)
        return first(taint, first(body, orelse))

    def expr_bool(self, node: ast.BoolOp) -> SourceUse | None:
        taint = self.expr(node.values[0])
        for value in node.values[1:]:
            skipped = self.state.copy() if self.state else None
            taint = first(taint, self.expr(value))
            self.state = join(skipped, self.state)
        return taint

    def expr_comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp
    ) -> SourceUse | None:
        outer_scope, outer_state = self.scope, self.state
        self.scope = self.scopes.scope_of(node) or outer_scope
        self.state = outer_state.copy() if outer_state else None
        taint = iterables = None
        for generator in node.generators:
            iterable = self.expr(generator.iter)
            iterables = first(iterables, iterable)
            taint = first(taint, iterable)
            self.assign(generator.target, iterable)
            for condition in generator.ifs:
                taint = first(taint, self.expr(condition))
        elements = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        for element in elements:
            taint = first(taint, self.expr(element))
        if iterables is not None:
            self.decision(node, node.generators[0].iter, iterables, self.has_step(*span(node)))
        self.scope, self.state = outer_scope, outer_state
        return taint


_F = OrchestrationFlow
# Handlers by node class: each takes the flow and a node of its class.
_STATEMENTS: dict[type[ast.stmt], Callable[..., None]] = {
    ast.Assign: _F.stmt_assign,
    ast.AnnAssign: _F.stmt_ann_assign,
    ast.AugAssign: _F.stmt_aug_assign,
    ast.Return: _F.stmt_return,
    ast.Raise: _F.stmt_raise,
    ast.Break: _F.stmt_break,
    ast.Continue: _F.stmt_continue,
    ast.If: _F.stmt_if,
    ast.While: _F.stmt_while,
    ast.For: _F.stmt_for,
    ast.AsyncFor: _F.stmt_for,
    ast.Try: _F.stmt_try,
    ast.TryStar: _F.stmt_try,
    ast.With: _F.stmt_with,
    ast.AsyncWith: _F.stmt_with,
    ast.Match: _F.stmt_match,
    ast.FunctionDef: _F.stmt_definition,
    ast.AsyncFunctionDef: _F.stmt_definition,
    ast.ClassDef: _F.stmt_definition,
    ast.Import: _F.stmt_import,
    ast.ImportFrom: _F.stmt_import,
    ast.Delete: _F.stmt_delete,
    ast.Global: _F.stmt_nothing,
    ast.Nonlocal: _F.stmt_nothing,
    ast.Pass: _F.stmt_nothing,
}
_EXPRESSIONS: dict[type[ast.expr], Callable[..., SourceUse | None]] = {
    ast.Name: _F.expr_name,
    ast.Attribute: _F.expr_attribute,
    ast.NamedExpr: _F.expr_named,
    ast.Lambda: _F.expr_lambda,
    ast.Await: _F.expr_await,
    ast.Call: _F.expr_call,
    ast.IfExp: _F.expr_if,
    ast.BoolOp: _F.expr_bool,
    ast.ListComp: _F.expr_comprehension,
    ast.SetComp: _F.expr_comprehension,
    ast.GeneratorExp: _F.expr_comprehension,
    ast.DictComp: _F.expr_comprehension,
    ast.Constant: lambda self, node: None,
}


def _root_name(node: ast.expr) -> ast.Name | None:
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node if isinstance(node, ast.Name) else None


def _receiver_calls(call: ast.Call) -> Iterator[ast.Call]:
    """The calls a method chain is built on: `query()`, `filter()` in `s.query().filter().all()`."""
    node: ast.expr = call.func
    while isinstance(node, ast.Attribute | ast.Call | ast.Await):
        node = node.func if isinstance(node, ast.Call) else node.value
        if isinstance(node, ast.Call):
            yield node


def _collect_exits(function: ast.AST) -> list[_Exit]:
    """Returns, raises, breaks and continues of a function (not of nested defs), in order."""
    exits: list[_Exit] = []
    body = getattr(function, "body", None)
    if isinstance(body, list):
        _add_exits(body, None, exits)
    exits.sort(key=lambda exit_: start(exit_.node))
    return exits


def _add_exits(statements: list[ast.stmt], loop: ast.AST | None, exits: list[_Exit]) -> None:
    for statement in statements:
        if isinstance(statement, ast.Return | ast.Raise):
            exits.append(_Exit(statement, None))
        elif isinstance(statement, ast.Break | ast.Continue):
            exits.append(_Exit(statement, loop))
        elif isinstance(statement, ast.For | ast.AsyncFor | ast.While):
            _add_exits(statement.body, statement, exits)
            _add_exits(statement.orelse, loop, exits)
        elif not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for block in nested_blocks(statement):
                _add_exits(block, loop, exits)


def _is_non_empty_literal(iterable: ast.expr) -> bool:
    """`["eu", "us"]`, `("a",)`, `"abc"`: an iterable the loop surely iterates over."""
    if isinstance(iterable, ast.List | ast.Tuple | ast.Set):
        return any(not isinstance(element, ast.Starred) for element in iterable.elts)
    return (
        isinstance(iterable, ast.Constant)
        and isinstance(iterable.value, str | bytes)
        and bool(iterable.value)
    )


def _captured_names(pattern: ast.pattern) -> Iterator[str]:
    for node in ast.walk(pattern):
        if isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:
            yield node.name
        elif isinstance(node, ast.MatchMapping) and node.rest:
            yield node.rest


def _is_irrefutable(case: ast.match_case) -> bool:
    pattern = case.pattern
    return case.guard is None and isinstance(pattern, ast.MatchAs) and pattern.pattern is None
