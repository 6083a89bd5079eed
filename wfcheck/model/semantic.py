"""The semantic model of one file, computed once and queried by every rule."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from wfcheck.model.cached import cached_property
from wfcheck.model.concurrent_steps import ConcurrentSteps, concurrent_steps
from wfcheck.model.flow import FlowFacts, OrchestrationFlow
from wfcheck.model.imported import NO_IMPORTS, ImportedFacts
from wfcheck.model.outer_writes import OuterWrite, outer_writes
from wfcheck.model.scopes import FunctionNode, Scope, ScopeTree, bind_module
from wfcheck.model.sources import Origins, SourceClassifier, is_logging_call
from wfcheck.model.step_results import StepResults
from wfcheck.model.workflows import (
    CodeUnit,
    Region,
    StepCall,
    UnitKind,
    WorkflowFunction,
    Workflows,
    first_parameter_name,
)
from wfcheck.project.summaries import ContextUse, summarized_functions
from wfcheck.settings import DetectionSettings
from wfcheck.source import SourceText

_DETERMINISTIC_COMMENT = re.compile(r"#\s*wfcheck:\s*deterministic\b", re.IGNORECASE)


class SemanticModel:
    def __init__(
        self,
        source: SourceText,
        tree: ast.Module,
        detection: DetectionSettings,
        imported: ImportedFacts = NO_IMPORTS,
    ) -> None:
        self.source = source
        self.tree = tree
        self.detection = detection
        self.imported = imported
        self.scopes: ScopeTree = bind_module(tree, imported.absolute)
        self.workflows = Workflows(self.scopes, detection, imported)
        self.origins = Origins(self.scopes, self.workflows.is_context, imported)
        self.is_workflow_file = (
            detection.assume_workflows
            or self._imports_workflow_names()
            or self.workflows.registers_on_a_passed_serve()
        )
        if self.is_workflow_file:
            self.workflows.discover()
        self.classifier = SourceClassifier(
            self.scopes,
            self.origins,
            self.workflows,
            detection,
            declared_deterministic=(
                self._declared_deterministic() | self._configured(detection.deterministic_functions)
            ),
            declared_nondeterministic=self._configured(detection.nondeterministic_functions),
        )

    def returns_function(self, function: FunctionNode) -> bool:
        """A step factory: some `return` of it gives a lambda, a nested def or a partial."""
        scope = self.scopes.scope_of(function)
        if scope is None:
            return False
        for statement in scope.statements:
            value = statement.value if isinstance(statement, ast.Return) else None
            if isinstance(value, ast.Lambda):
                return True
            if isinstance(value, ast.Call):
                if self.scopes.qualified_name(value.func, scope) == "functools.partial":
                    return True
            elif value is not None and self.scopes.resolve_function(value, scope) is not None:
                return True
        return False

    def _declared_deterministic(self) -> frozenset[FunctionNode]:
        """The functions whose `def` line carries `# wfcheck: deterministic`."""
        if _DETERMINISTIC_COMMENT.search(self.source.text) is None:
            return frozenset()
        return frozenset(
            scope.node
            for scope in self.scopes.scopes.values()
            if isinstance(scope.node, ast.FunctionDef | ast.AsyncFunctionDef)
            and _DETERMINISTIC_COMMENT.search(self.source.line(scope.node.lineno))
        )

    def _configured(self, names: frozenset[str]) -> frozenset[FunctionNode]:
        """The file's functions and methods that settings name by their dotted names
        (`app.calendar.holidays`, `app.billing.Billing.charge`)."""
        own = self.imported.own_module
        prefix = f"{own}." if own else None
        if prefix is None or not any(name.startswith(prefix) for name in names):
            return frozenset()
        return frozenset(
            node
            for name, node, _ in summarized_functions(self.scopes.module)
            if f"{prefix}{name}" in names
        )

    def _imports_workflow_names(self) -> bool:
        """The SDK or a configured module, or a project module's `serve` or context type,
        imported by name or used through its module (`main.serve` after `from app import
        main`)."""
        modules = self.detection.module_names()
        if any(name.split(".", 1)[0] in modules for name in self.scopes.imported_modules):
            return True
        return any(
            self.imported.opens_gate(binding.qualified_name)
            or self._uses_gate_names_of(binding.name, binding.qualified_name)
            for binding in self.scopes.imports
            if binding.qualified_name is not None
        )

    def _uses_gate_names_of(self, local: str, module: str) -> bool:
        """Whether the text reads `local.name` where `local` is a project module and
        `module.name` opens the gate."""
        if not self.imported.reads_modules or not self.imported.is_project_module(module):
            return False
        used = re.finditer(rf"\b{re.escape(local)}[ \t]*\.[ \t]*([A-Za-z_]\w*)", self.source.text)
        return any(self.imported.opens_gate(f"{module}.{match.group(1)}") for match in used)

    def units(self, region: Region) -> list[CodeUnit]:
        return list(self.workflows.units_of(region))

    def step_calls(self, region: Region | None = None) -> Iterator[StepCall]:
        for unit in self.workflows.units:
            if region is None or unit.region is region:
                yield from unit.step_calls

    def calls(self, region: Region) -> Iterator[tuple[CodeUnit, Scope, ast.Call]]:
        """Every call made in a region's code, with its unit and the scope it runs in."""
        for unit in self.workflows.units_of(region):
            for scope in unit.scope.region_scopes():
                for call in scope.calls:
                    yield unit, scope, call

    def awaited_calls(self, unit: CodeUnit) -> set[ast.Call]:
        """The calls of a unit's region that are awaited directly (`await call(...)`)."""
        return {
            node.value
            for scope in unit.scope.region_scopes()
            for node in scope.awaits
            if isinstance(node.value, ast.Call)
        }

    @property
    def roots(self) -> list[WorkflowFunction]:
        return self.workflows.roots

    @cached_property
    def flow(self) -> FlowFacts:
        """Sources, decisions, early returns and step names of all orchestration code."""
        facts = FlowFacts()
        for unit in self.workflows.units_of(Region.ORCHESTRATION):
            # (an instance method's sources are reported where it is called)
            if unit.kind is not UnitKind.INSTANCE_METHOD and self._may_hold_source(unit):
                OrchestrationFlow(unit, self.classifier, facts).run()
        return facts

    def _may_hold_source(self, unit: CodeUnit) -> bool:
        if self.classifier.source_property_names:
            return True  # (a read of one of them may be a source)
        for scope in unit.scope.region_scopes():
            awaited = {id(node.value) for node in scope.awaits}
            for call in scope.calls:
                if self.classifier.classify(call, scope, id(call) in awaited) is not None:
                    return True
        return False

    @cached_property
    def step_names(self) -> StepNameAllocator:
        return StepNameAllocator(self.workflows)

    def parent(self, node: ast.AST) -> ast.AST | None:
        """The parent of a node of the module (indexed on first use, statement by statement)."""
        return self.scopes.parent(node)

    @cached_property
    def outer_writes(self) -> list[OuterWrite]:
        return [
            write
            for unit in self.workflows.units_of(Region.STEP)
            if unit.step_call is not None
            for write in outer_writes(unit, self.scopes)
        ]

    @cached_property
    def step_results(self) -> StepResults:
        """What json.dumps rejects among the values of the file (step results, UWF204)."""
        return StepResults(self.scopes, self.origins, self.workflows)

    @cached_property
    def concurrent_steps(self) -> list[ConcurrentSteps]:
        return [
            finding
            for unit in self.workflows.units_of(Region.ORCHESTRATION)
            if unit.context.is_async
            for finding in concurrent_steps(unit, self.scopes, self.workflows)
        ]

    def may_reach_step(self, workflow: WorkflowFunction) -> bool:
        """A step call is reachable, or the context reaches code the analysis cannot see."""
        if self.workflows.reaches_step(workflow.node):
            return True
        return any(self._context_escapes(unit) for unit in self._units_by_workflow[workflow])

    @cached_property
    def _units_by_workflow(self) -> dict[WorkflowFunction, list[CodeUnit]]:
        grouped: dict[WorkflowFunction, list[CodeUnit]] = {}
        for unit in self.workflows.units:
            grouped.setdefault(unit.workflow, []).append(unit)
        return grouped

    def names_read(self, within: ast.AST, name: str) -> list[ast.Name]:
        """The `Name` nodes inside `within` (nested code included) that read `name`."""
        return self.scopes.names_read(within, name)

    def _context_escapes(self, unit: CodeUnit) -> bool:
        """The context is used other than through its attributes, helpers of the file or logs."""
        for node in self.scopes.all_names_read(unit.node):
            scope = self.scopes.scope_at(node)
            used = self._context_at(node, scope)
            if used is None or self._in_dead_def(scope, unit):
                continue
            if self._escapes_at(used, scope, unit):
                return True
        return False

    def _context_at(self, node: ast.Name, scope: Scope) -> ast.expr | None:
        """What evaluates to the context where a name is read: the name, or the attribute of
        an instance that holds it (`self.ctx`, `trail.ctx`)."""
        if self.workflows.context_of(node, scope) is not None:
            return node
        parent = self.parent(node)
        if (
            isinstance(parent, ast.Attribute)
            and isinstance(parent.ctx, ast.Load)  # (`self.ctx = ctx` stores it)
            and self.workflows.context_of(parent, scope)
        ):
            return parent
        return None

    def _escapes_at(self, used: ast.expr, scope: Scope, unit: CodeUnit) -> bool:
        parent = self.parent(used)
        if isinstance(parent, ast.Attribute):
            # a step call in code that is not analysed (a nested def); else an attribute
            return parent.attr in self.workflows.step_methods
        if self._kept_on_instance(used, parent, unit):
            return False
        if parent is not None and not isinstance(parent, ast.Call):
            parent = self.parent(parent)
        call = parent
        if isinstance(call, ast.Call) and (
            self.workflows.helper_call(call)
            or self._keeps_context(call)
            or is_logging_call(call, self.origins, scope)
        ):
            return self._instance_handed_on(call, unit)
        return True

    def _kept_on_instance(self, used: ast.expr, parent: ast.AST | None, unit: CodeUnit) -> bool:
        """`self.ctx = ctx` in a method: the instance holds it, and what its methods do with it
        is theirs (where the instance goes is checked where it is made)."""
        if not isinstance(parent, ast.Assign) or parent.value is not used:
            return False
        function = unit.node
        is_method = isinstance(function, FunctionNode) and self.scopes.is_method(function)
        receiver = first_parameter_name(function) if is_method else None
        return receiver is not None and all(
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id == receiver
            for target in parent.targets
        )

    def _instance_handed_on(self, call: ast.Call, unit: CodeUnit) -> bool:
        """An instance made with the context (`AuditTrail(context)`) that goes where the
        analysis cannot follow: anywhere but to its own methods and attributes, directly or
        through a name it is bound to."""
        if not self._is_constructor(call):
            return False
        parent = self.parent(call)
        if isinstance(parent, ast.Attribute | ast.Expr):
            return False
        if not isinstance(parent, ast.Assign) or len(parent.targets) != 1:
            return True
        target = parent.targets[0]
        if not isinstance(target, ast.Name):
            return True
        reads = self.names_read(unit.node, target.id)
        return any(not isinstance(self.parent(read), ast.Attribute) for read in reads)

    def _is_constructor(self, call: ast.Call) -> bool:
        helper = self.workflows.helper_call(call)
        if helper is not None:
            return helper.helper.name == "__init__"
        project = self.workflows.project_call(call)
        return project is not None and project.summary.name.endswith(".__init__")

    def _in_dead_def(self, scope: Scope, unit: CodeUnit) -> bool:
        """In a def nested in the unit's code that nothing names and no decorator wraps: it
        is never called, nor handed to code that could call it."""
        regions = list(unit.scope.region_scopes())
        while scope not in regions:
            node = scope.node
            if (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and not node.decorator_list
                and not self.names_read(unit.node, node.name)
            ):
                return True
            if scope.parent is None:
                return False
            scope = scope.parent
        return False

    def _keeps_context(self, call: ast.Call) -> bool:
        """A call of a project function whose summary shows everything it does with it."""
        project = self.workflows.project_call(call)
        return project is not None and project.summary.context_use is not ContextUse.ESCAPES

    def context_use(self, function: FunctionNode) -> ContextUse:
        """What a function of the file does with the context it gets (for its summary)."""
        if self.workflows.reaches_step(function):
            return ContextUse.STEPS
        return ContextUse.ESCAPES if self._escapes(function, set()) else ContextUse.QUIET

    def _escapes(self, function: FunctionNode | ast.Lambda, seen: set[ast.AST]) -> bool:
        if function in seen:
            return False
        seen.add(function)
        for unit in self._units_by_node.get(function, ()):
            if self._context_escapes(unit) or any(
                self._escapes(call.helper, seen) for call in unit.helper_calls
            ):
                return True
        return False

    @cached_property
    def _units_by_node(self) -> dict[FunctionNode | ast.Lambda, list[CodeUnit]]:
        grouped: dict[FunctionNode | ast.Lambda, list[CodeUnit]] = {}
        for unit in self.workflows.units:
            grouped.setdefault(unit.node, []).append(unit)
        return grouped


class StepNameAllocator:
    """Step names for fixes that add steps: unique within their workflow, numbered on collision."""

    def __init__(self, workflows: Workflows) -> None:
        self.workflows = workflows
        self.taken: dict[WorkflowFunction, set[str]] = {}
        self.numbers: dict[tuple[WorkflowFunction, str], int] = {}

    def allocate(self, workflow: WorkflowFunction, what: str, function: str | None = None) -> str:
        """`"<function>-<what>"` in kebab case (the function the step is added to, by default
        the workflow), numbered when the workflow already has it."""
        prefix = function or workflow.node.name
        base = "-".join(part for part in re.split(r"[_\W]+", f"{prefix}-{what}".lower()) if part)
        taken = self.taken.get(workflow)
        if taken is None:
            taken = self.taken[workflow] = self._literal_names(workflow)
        name, number = base, self.numbers.get((workflow, base), 2)
        while name in taken:
            name, number = f"{base}-{number}", number + 1
        self.numbers[(workflow, base)] = number
        taken.add(name)
        return name

    def _literal_names(self, workflow: WorkflowFunction) -> set[str]:
        return {
            step.name.value
            for unit in self.workflows.units
            if unit.workflow is workflow
            for step in unit.step_calls
            if isinstance(step.name, ast.Constant) and isinstance(step.name.value, str)
        }
