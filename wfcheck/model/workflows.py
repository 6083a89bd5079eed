"""Which functions are workflow code, where their context is, and where their steps are.

Discovery starts from the roots (route functions registered with the SDK, functions annotated
with the context class), then follows the context: step functions handed to `context.run`
become step code, functions of the file called with the context become workflow helpers whose
region follows their callers'.
"""

from __future__ import annotations

import ast
import enum
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field

from wfcheck import sdk
from wfcheck.model.imported import NO_IMPORTS, ImportedFacts
from wfcheck.model.nodes import call_arguments, contains, last_name, start
from wfcheck.model.scopes import (
    Binding,
    BindingKind,
    FunctionNode,
    Scope,
    ScopeKind,
    ScopeTree,
    alive,
    positional_parameters,
)
from wfcheck.project.summaries import ContextUse, FunctionSummary, ModuleSummary
from wfcheck.settings import DetectionSettings

# How many variables and partials deep a failure function is followed.
_ALIAS_DEPTH = 4
# The parameters of a failure function after its context (sdk.md).
_FAILURE_PARAMETERS = ["fail_status", "fail_response", "fail_headers"]


class Region(enum.Enum):
    ORCHESTRATION = "orchestration"  # re-runs on every call of the endpoint
    STEP = "step"  # runs once; its result is recorded


class UnitKind(enum.Enum):
    ROUTE = "route"
    ANNOTATED = "annotated"
    HELPER = "helper"
    STEP = "step"
    # A method that uses the context its instance holds (kept by an annotated `__init__`) and
    # that nothing in its file calls: workflow code of the modules that call it on an instance,
    # checked here as orchestration code but for its sources, which are reported at those calls.
    INSTANCE_METHOD = "instance method"


@dataclass(frozen=True, eq=False)
class Context:
    """One workflow context: the parameter it arrives in and whether its methods are async."""

    parameter: ast.arg
    is_async: bool


@dataclass(frozen=True)
class Registration:
    node: ast.expr  # the decorator or call that registers the route
    adapter: str  # qualified name of the Serve class, serve function or configured decorator
    is_async: bool | None  # None: the adapter does not decide (configured decorators)


@dataclass(eq=False)
class WorkflowFunction:
    node: FunctionNode
    context: Context
    registration: Registration | None

    @property
    def is_route(self) -> bool:
        return self.registration is not None


@dataclass(eq=False)
class StepFunction:
    node: FunctionNode | ast.Lambda
    via_partial: bool = False


@dataclass(eq=False, slots=True)
class _InUnit:
    """A call found in a unit's code. It refers to the unit weakly (the unit holds it)."""

    unit_ref: weakref.ReferenceType[CodeUnit]

    @property
    def unit(self) -> CodeUnit:
        return alive(self.unit_ref)


@dataclass(eq=False, slots=True)
class StepCall(_InUnit):
    node: ast.Call
    method: str
    context: Context
    name: ast.expr | None
    function: ast.expr | None
    step_function: StepFunction | None

    @property
    def label(self) -> str:
        """`'charge'` for a literal name, else the step function's name."""
        if isinstance(self.name, ast.Constant) and isinstance(self.name.value, str):
            return repr(self.name.value)
        node = self.step_function.node if self.step_function else None
        return getattr(node, "name", "<lambda>")


@dataclass(eq=False, slots=True)
class ContextMethodCall(_InUnit):
    """A call of a method the configured SDK does not have (`context.run_parallel(...)`)."""

    node: ast.Call
    attribute: ast.Attribute  # the call's function: `context.run_parallel`
    context: Context

    @property
    def method(self) -> str:
        return self.attribute.attr


@dataclass(eq=False, slots=True)
class HelperCall(_InUnit):
    node: ast.Call
    helper: FunctionNode


@dataclass(eq=False, slots=True)
class ProjectCall(_InUnit):
    """A call of a function of another module of the project that receives the context."""

    node: ast.Call
    summary: FunctionSummary
    module: ModuleSummary

    @property
    def makes_steps(self) -> bool:
        return self.summary.context_use is ContextUse.STEPS


@dataclass(eq=False, slots=True, weakref_slot=True)
class CodeUnit:
    """The body of one function analysed as workflow code, in one region."""

    node: FunctionNode | ast.Lambda
    scope: Scope
    region: Region
    kind: UnitKind
    context: Context
    workflow: WorkflowFunction
    step_calls: list[StepCall] = field(default_factory=list)
    helper_calls: list[HelperCall] = field(default_factory=list)
    project_calls: list[ProjectCall] = field(default_factory=list)
    # For step units: the step call whose step function this is.
    step_call: StepCall | None = None
    ref: weakref.ReferenceType[CodeUnit] = field(init=False)

    def __post_init__(self) -> None:
        self.ref = weakref.ref(self)

    @property
    def name(self) -> str:
        return getattr(self.node, "name", "<lambda>")

    def calls(self) -> Iterator[ast.Call]:
        for scope in self.scope.region_scopes():
            yield from scope.calls


class Workflows:
    """Discovery of workflow code in one module."""

    def __init__(
        self,
        scopes: ScopeTree,
        detection: DetectionSettings,
        imported: ImportedFacts = NO_IMPORTS,
    ) -> None:
        self.scopes = scopes
        self.detection = detection
        self.imported = imported
        self.step_methods = sdk.STEP_METHODS & detection.sdk_methods
        self.context_types = sdk.CONTEXT_CLASSES | detection.context_types
        self.roots: list[WorkflowFunction] = []
        self.units: list[CodeUnit] = []
        self.failure_functions: set[FunctionNode] = set()
        self.unknown_method_calls: list[ContextMethodCall] = []
        self._unit_nodes: set[FunctionNode | ast.Lambda] = set()
        self._contexts: dict[ast.arg, Context] = {}
        self._context_names: set[str] = set()
        self._units_by_key: dict[tuple[int, Region], CodeUnit] = {}
        self._scanned = 0  # how many of the units have been scanned
        self._step_calls: dict[ast.Call, StepCall] = {}
        self._helper_calls: dict[ast.Call, HelperCall] = {}
        self._project_calls: dict[ast.Call, ProjectCall] = {}
        self._reaches_step: dict[FunctionNode, bool] = {}
        self._closures: dict[tuple[FunctionNode, Context], bool] = {}
        # The context each assignment binds (memoised; forgotten when a context is added).
        self._binding_contexts: dict[Binding, Context | None] = {}
        self._resolving: set[Binding] = set()
        self._class_contexts: dict[ast.ClassDef, dict[str, Context]] = {}
        self._self_readers: dict[FunctionNode, bool] = {}
        self._instance_context_methods: set[FunctionNode] = set()
        # By the id of a name's cached tuple of bound values (ScopeTree.bound_values).
        self._serve_classes: dict[int, str | None] = {}
        # The project function each callee names (`imported_function`), by the callee.
        self._imported_functions: dict[ast.expr, tuple[FunctionSummary, ModuleSummary] | None] = {}

    # Queries used by the rest of the model and by rules.

    def context_of(self, expr: ast.expr, scope: Scope) -> Context | None:
        """The context that `expr` evaluates to: a context parameter or an alias of one, also
        through `typing.cast(T, context)` and a re-binding that narrows its type
        (`context: AsyncWorkflowContext[T] = context`)."""
        expr = self._cast_operand(expr, scope)
        if isinstance(expr, ast.Attribute):  # `self.context`, `pipeline.ctx`
            owner = self.scopes.class_of(expr.value, scope)
            return self._instance_contexts(owner).get(expr.attr) if owner is not None else None
        if isinstance(expr, ast.Subscript):  # `env["ctx"]` with `env = {"ctx": context}`
            return self._stored_context(expr, scope)
        if not isinstance(expr, ast.Name):
            return None
        bindings = self.scopes.name_bindings(scope, expr.id)
        if bindings is None or not bindings.may_copy_a_value:
            return None
        found: Context | None = None
        for binding in _reaching(bindings.bindings, expr, scope):
            if _is_deletion(binding) or binding in self._resolving:
                # A use after `del` fails at run time; a binding being resolved is the value
                # of its own assignment (`context: T = context`): both leave the others.
                continue
            context = self._binding_context(binding)
            if context is None or (found is not None and found is not context):
                return None
            found = context
        return found

    def _stored_context(self, item: ast.Subscript, scope: Scope) -> Context | None:
        key = item.slice
        bound = self.scopes.single_value(item.value, scope)
        if bound is None or not isinstance(key, ast.Constant) or not isinstance(key.value, str):
            return None
        value = _dict_item(bound[0], key.value)
        return self.context_of(value, bound[1]) if value is not None else None

    def _binding_context(self, binding: Binding) -> Context | None:
        if isinstance(binding.node, ast.arg):  # a parameter
            return self._contexts.get(binding.node)
        if binding.kind is not BindingKind.ASSIGNMENT or binding.value is None:
            return None
        if binding not in self._binding_contexts:
            self._resolving.add(binding)
            try:
                self._binding_contexts[binding] = self.context_of(binding.value, binding.scope)
            finally:
                self._resolving.discard(binding)
        return self._binding_contexts[binding]

    def _cast_operand(self, expr: ast.expr, scope: Scope) -> ast.expr:
        """`value` for `typing.cast(T, value)`, else the expression itself."""
        is_cast = (
            isinstance(expr, ast.Call)
            and len(expr.args) == 2
            and not expr.keywords
            and self.scopes.qualified_name(expr.func, scope) in _CAST_FUNCTIONS
        )
        return expr.args[1] if is_cast and isinstance(expr, ast.Call) else expr

    def is_failure_function(self, function: FunctionNode) -> bool:
        """Passed as `failure_function=`, or taking the failure parameters after its context:
        it runs once, after the run has failed, and is not workflow code."""
        if function in self.failure_functions:
            return True
        arguments = function.args
        if len(arguments.posonlyargs) + len(arguments.args) < len(_FAILURE_PARAMETERS) + 1:
            return False  # too few to be one (the cheap test first)
        names = [parameter.arg for parameter in self.own_parameters(function)]
        return names[1:] == _FAILURE_PARAMETERS

    def module_serve_objects(self) -> dict[str, str]:
        """The module-level names bound to a `Serve(...)`, with its class."""
        found: dict[str, str] = {}
        for name, values in self.scopes.module_values():
            serve_class = self._serve_class_of_values(values)
            if serve_class is not None:
                found[name] = serve_class
        return found

    def module_context_types(self) -> tuple[str, ...]:
        """The module-level names that stand for a context class: `Ctx = WorkflowContext[T]`,
        and classes derived from one."""
        found: set[str] = set()
        module = self.scopes.module
        for name, bindings in module.bindings.items():
            last = bindings[-1]
            node = last.node
            if isinstance(node, ast.ClassDef):
                if any(self.is_context_type(self.annotation_name(b, module)) for b in node.bases):
                    found.add(name)
            elif (
                last.value is not None
                and len(bindings) == 1
                and self.is_context_type(self.annotation_name(last.value, module))
            ):
                found.add(name)
        return tuple(sorted(found))

    def own_parameters(self, function: FunctionNode) -> list[ast.arg]:
        """The positional parameters a caller fills: a method's `self` or `cls` left out."""
        parameters = positional_parameters(function.args)
        return parameters[1:] if self.scopes.is_method(function) else parameters

    def context_name(self, context: Context, scope: Scope) -> str | None:
        """The name that means the context at `scope` (what a fix writes): of the parameters
        that receive it (the route's, a helper's), the one bound nearest to `scope`."""
        nearest: tuple[int, str] | None = None
        for name in dict.fromkeys(p.arg for p, c in self._contexts.items() if c is context):
            bindings = self.scopes.lookup(scope, name) or ()
            if not bindings or not all(
                _is_deletion(binding) or self._binding_context(binding) is context
                for binding in bindings
            ):
                continue
            distance = _distance(scope, bindings[0].scope)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, name)
        return nearest[1] if nearest is not None else self._held_context_name(context, scope)

    def _held_context_name(self, context: Context, scope: Scope) -> str | None:
        """`self.context` in a method (or code nested in one) of a class whose instances hold
        the context in that attribute."""
        method: Scope | None = scope
        while method is not None and not (
            method.kind is ScopeKind.FUNCTION
            and method.parent is not None
            and method.parent.kind is ScopeKind.CLASS
        ):
            method = method.parent
        if method is None or method.parent is None:
            return None
        function, owner = method.node, method.parent.node
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            return None
        if not isinstance(owner, ast.ClassDef) or not self.scopes.is_method(function):
            return None
        parameters = positional_parameters(function.args)
        receiver = parameters[0] if parameters else None
        bindings = self.scopes.lookup(scope, receiver.arg) if receiver is not None else None
        if receiver is None or not bindings or bindings[0].node is not receiver:
            return None
        held = self._instance_contexts(owner)
        attribute = next((name for name, value in held.items() if value is context), None)
        return f"{receiver.arg}.{attribute}" if attribute is not None else None

    def context_name_in(self, unit: CodeUnit) -> str:
        """What a message calls the unit's context: its name in the unit, else the route's."""
        return self.context_name(unit.context, unit.scope) or unit.context.parameter.arg

    def is_visible(self, context: Context, scope: Scope) -> bool:
        """Some name means the context at `scope` (a fix can write it)."""
        return self.context_name(context, scope) is not None

    def is_context(self, expr: ast.expr, scope: Scope) -> bool:
        return self.context_of(expr, scope) is not None

    def step_call(self, call: ast.Call) -> StepCall | None:
        return self._step_calls.get(call)

    def helper_call(self, call: ast.Call) -> HelperCall | None:
        return self._helper_calls.get(call)

    def project_call(self, call: ast.Call) -> ProjectCall | None:
        return self._project_calls.get(call)

    def imported_function(
        self, func: ast.expr, scope: Scope
    ) -> tuple[FunctionSummary, ModuleSummary] | None:
        """The summary of the project function that a callee names (`load_invoice`,
        `billing.load_invoice`, `Billing.charge`, `Billing().charge`, `svc.charge` after
        `svc = Billing()`), with its module's."""
        if not self.imported.reads_modules:
            return None
        if func not in self._imported_functions:  # (discovery asks, then the sources)
            qualified = self.scopes.qualified_name(func, scope)
            if qualified is None and isinstance(func, ast.Attribute):
                qualified = self._imported_method(func, scope)
            found = self.imported.function(qualified) if qualified is not None else None
            self._imported_functions[func] = found
        return self._imported_functions[func]

    def _imported_method(self, method: ast.Attribute, scope: Scope) -> str | None:
        """`app.billing.Billing.charge` for `Billing(...).charge`, also through a name bound
        once to the instance."""
        made, made_scope = self.scopes.single_value(method.value, scope) or (method.value, scope)
        if not isinstance(made, ast.Call):
            return None
        maker = self.scopes.qualified_name(made.func, made_scope)
        return f"{maker}.{method.attr}" if maker is not None else None

    def module_instances(self) -> dict[str, str]:
        """For the module's summary: module-level names bound to an instance of one of its
        classes (`billing = BillingService()`), with the class's name."""
        found: dict[str, str] = {}
        for name, values in self.scopes.module_values():
            made = values[0][0] if len(values) == 1 else None
            owner = self.scopes.class_of(made, values[0][1]) if isinstance(made, ast.Call) else None
            if owner is not None:
                found[name] = owner.name
        return found

    def units_of(self, region: Region) -> Iterator[CodeUnit]:
        return (unit for unit in self.units if unit.region is region)

    def reaches_step(self, function: FunctionNode | ast.Lambda) -> bool:
        """Whether a step call is made in the function or in the helpers it calls."""
        if isinstance(function, ast.Lambda):
            return any(self._step_calls.get(call) for call in self._calls_of(function))
        if function not in self._reaches_step:
            self._reaches_step[function] = False  # recursion: assume not until shown
            self._reaches_step[function] = any(
                call in self._step_calls
                or ((project := self._project_calls.get(call)) is not None and project.makes_steps)
                or (
                    (helper := self._helper_calls.get(call)) is not None
                    and self.reaches_step(helper.helper)
                )
                for call in self._calls_of(function)
            )
        return self._reaches_step[function]

    def is_step_call_or_step_helper(self, call: ast.Call) -> bool:
        if call in self._step_calls:
            return True
        helper = self._helper_calls.get(call)
        return helper is not None and self.reaches_step(helper.helper)

    def _calls_of(self, function: FunctionNode | ast.Lambda) -> Iterator[ast.Call]:
        scope = self.scopes.scope_of(function)
        if scope is not None:
            for region_scope in scope.region_scopes():
                yield from region_scope.calls

    # Discovery.

    def discover(self) -> None:
        """Routes first, with everything they reach: a function they hand their context to
        gets theirs (sync or async), even when it is annotated. Then the annotated functions
        that no route reaches, with everything those reach."""
        registrations = self._find_registrations()
        for root, registration in registrations.items():
            self._add_root(root, registration)
        self._expand()
        for scope in self.scopes.scopes.values():
            function = scope.node
            if scope.kind is not ScopeKind.FUNCTION or function in registrations:
                continue
            assert isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
            if self.is_failure_function(function) or self._reached(function):
                continue
            parameter = self._annotated_context_parameter(function, scope.parent)
            if parameter is None and self.detection.assume_workflows:
                parameters = self.own_parameters(function)
                parameter = parameters[0] if parameters else None
            if parameter is not None:
                self._add_workflow(function, parameter, None)
        self._expand()
        self._add_instance_methods()
        self._expand()
        self._demote_called_annotated_functions()

    def _add_instance_methods(self) -> None:
        """The methods that use the context their instance holds, that nothing reached."""
        for scope in list(self.scopes.scopes.values()):
            owner = scope.node
            if not isinstance(owner, ast.ClassDef) or not self._instance_contexts(owner):
                continue
            for method in scope.children:
                if isinstance(method.node, FunctionNode):
                    self._add_instance_context_method(method.node, UnitKind.INSTANCE_METHOD)

    def discover_context_parameters(
        self, functions: list[FunctionNode]
    ) -> dict[FunctionNode, ast.arg]:
        """For a module's summary: the parameter of each function that a caller's context
        would go to (its context if it is workflow code already, else the one it uses like a
        context), the functions not yet workflow code made roots with it as their context."""
        found: dict[FunctionNode, ast.arg] = {}
        for function in functions:
            if self.is_failure_function(function):
                continue
            parameter = self._held_context_parameter(function)
            if parameter is None and not self._reached(function):
                parameter = self._context_candidate(function)
                if parameter is not None:
                    self._add_workflow(function, parameter, None)
            if parameter is not None:
                found[function] = parameter
        self._expand()
        for function in functions:
            self._add_instance_context_method(function, UnitKind.HELPER)
        self._expand()
        return found

    def reaches_instance_context(self, method: FunctionNode) -> bool:
        """For a module's summary: a method that uses the context its instance holds (stored
        by `__init__`, a context parameter in the summary), as workflow code of its caller."""
        return method in self._instance_context_methods

    def _add_instance_context_method(self, method: FunctionNode, kind: UnitKind) -> None:
        """A method of a class whose instances hold the context its `__init__` was given:
        workflow code wherever an instance made with a context calls it."""
        scope = self.scopes.scope_of(method)
        owner = scope.parent.node if scope is not None and scope.parent is not None else None
        if not isinstance(owner, ast.ClassDef):
            return
        held = self._instance_contexts(owner)
        contexts = set(held.values())
        if len(contexts) != 1 or not self._reaches_self_context(method, frozenset(held)):
            return
        self._instance_context_methods.add(method)
        if not self._reached(method):
            context = contexts.pop()
            workflow = next(root for root in self.roots if root.context is context)
            self._add_unit(method, Region.ORCHESTRATION, kind, context=context, workflow=workflow)

    def _kept_for_async_methods(self, init: FunctionNode, parameter: ast.arg) -> bool:
        """Whether the methods that use the context an annotated `__init__` keeps on its
        instance are all `async def` (an `__init__` is never one: the methods making the calls
        decide, as `async def` decides for a function)."""
        init_scope = self.scopes.scope_of(init)
        class_scope = init_scope.parent if init_scope is not None else None
        if init_scope is None or class_scope is None:
            return False
        kept = frozenset(
            attribute
            for attribute, value in _self_attribute_stores(init_scope)
            if isinstance(value, ast.Name) and value.id == parameter.arg
        )
        methods = [
            child.node
            for child in class_scope.children
            if isinstance(child.node, FunctionNode)
            and child.node is not init
            and self._reads_self_context(child.node, kept)
        ]
        return bool(methods) and all(isinstance(m, ast.AsyncFunctionDef) for m in methods)

    def _held_context_parameter(self, function: FunctionNode) -> ast.arg | None:
        args = function.args
        parameters = (*args.posonlyargs, *args.args, *args.kwonlyargs)
        return next((p for p in parameters if p in self._contexts), None)

    def _context_candidate(self, function: FunctionNode) -> ast.arg | None:
        """The parameter used like a context: annotated with its type, the receiver of a step
        method, or, in a call's arguments, the receiver of a context attribute
        (`print(context.request_payload)`) or handed to a function of the file or the project.
        A function that does none of these with a parameter does nothing with a context that
        the analysis could follow (a caller's context escapes into it)."""
        scope = self.scopes.scope_of(function)
        if scope is None:
            return None
        annotated = self._annotated_context_parameter(function, scope.parent)
        if annotated is not None:
            return annotated
        parameters = (*self.own_parameters(function), *function.args.kwonlyargs)
        by_name = {parameter.arg: parameter for parameter in parameters}
        stored = self._stored_context_parameter(function, scope, by_name)
        if stored is not None:
            return stored
        used: ast.arg | None = None
        for call in self._calls_of(function):
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr in self.step_methods:
                receiver = func.value
                if isinstance(receiver, ast.Name) and receiver.id in by_name:
                    return by_name[receiver.id]
            if used is None:
                used = self._parameter_used_like_a_context(call, scope, by_name)
        return used or self._parameter_read_like_a_context(scope, by_name)

    @staticmethod
    def _parameter_read_like_a_context(
        scope: Scope, parameters: dict[str, ast.arg]
    ) -> ast.arg | None:
        """The parameter whose context attribute the function reads anywhere in its own code
        (`payload = context.request_payload`), or in its comprehensions."""
        for inner in scope.region_scopes():
            for read in inner.context_attribute_reads:
                name = read.value.id if isinstance(read.value, ast.Name) else ""
                if name in parameters and (inner is scope or name not in inner.bindings):
                    return parameters[name]
        return None

    def _stored_context_parameter(
        self, init: FunctionNode, scope: Scope, parameters: dict[str, ast.arg]
    ) -> ast.arg | None:
        """The parameter of a class's `__init__` that it stores in an attribute which the
        class's methods use like a context (`self.context = context`, then
        `self.context.run(...)` or `self.context.request_payload` in a call's arguments)."""
        owner = scope.parent
        if init.name != "__init__" or owner is None or owner.kind is not ScopeKind.CLASS:
            return None
        stored = {
            attribute: parameters[value.id]
            for attribute, value in _self_attribute_stores(scope)
            if isinstance(value, ast.Name) and value.id in parameters
        }
        used = self._attributes_used_like_a_context(owner) if stored else set()
        return next((parameter for name, parameter in stored.items() if name in used), None)

    def _attributes_used_like_a_context(self, class_scope: Scope) -> set[str]:
        used: set[str] = set()
        for method in class_scope.children:
            receiver = first_parameter_name(method.node)
            for scope in method.region_scopes() if receiver is not None else ():
                for call in scope.calls:
                    func = call.func
                    if isinstance(func, ast.Attribute) and func.attr in self.step_methods:
                        used.update(_self_attributes(func.value, receiver))
                    for argument in call_arguments(call):
                        if (
                            isinstance(argument, ast.Attribute)
                            and argument.attr in sdk.CONTEXT_ATTRIBUTES
                        ):
                            used.update(_self_attributes(argument.value, receiver))
        return used

    def _parameter_used_like_a_context(
        self, call: ast.Call, scope: Scope, parameters: dict[str, ast.arg]
    ) -> ast.arg | None:
        handed: ast.arg | None = None
        for argument in call_arguments(call):
            if isinstance(argument, ast.Attribute) and argument.attr in sdk.CONTEXT_ATTRIBUTES:
                held = argument.value  # `context.request_payload`
                if isinstance(held, ast.Name) and held.id in parameters:
                    return parameters[held.id]
            elif handed is None and isinstance(argument, ast.Name) and argument.id in parameters:
                handed = parameters[argument.id]
        if handed is not None and self._takes_functions(call, scope):
            return handed
        return None

    def _takes_functions(self, call: ast.Call, scope: Scope) -> bool:
        """A call of a function of the file or of the project (whose use of what it is handed
        the analysis can follow)."""
        return last_name(call.func) in self.scopes.callable_names or (
            self.imported.is_project_name(self.scopes.qualified_name(call.func, scope) or "")
        )

    def _demote_called_annotated_functions(self) -> None:
        """An annotated function called with the context is a helper, in its callers' region."""
        caller_regions: dict[FunctionNode | ast.Lambda, set[Region]] = {}
        for helper_call in self._helper_calls.values():
            caller_regions.setdefault(helper_call.helper, set()).add(helper_call.unit.region)
        for unit in list(self.units):
            regions = caller_regions.get(unit.node)
            if unit.kind is not UnitKind.ANNOTATED or regions is None:
                continue
            if Region.ORCHESTRATION in regions:
                unit.kind = UnitKind.HELPER
            else:
                self.units.remove(unit)

    def _add_root(self, function: FunctionNode, registration: Registration) -> None:
        if self.is_failure_function(function):
            return
        parameters = self.own_parameters(function)
        if parameters:
            self._add_workflow(function, parameters[0], registration)

    def _add_workflow(
        self, function: FunctionNode, parameter: ast.arg, registration: Registration | None
    ) -> None:
        is_async = isinstance(function, ast.AsyncFunctionDef)
        if registration is not None and registration.is_async is not None:
            is_async = registration.is_async
        elif function.name == "__init__" and self.scopes.is_method(function):
            is_async = self._kept_for_async_methods(function, parameter)
        context = Context(parameter, is_async)
        self._add_context(parameter, context)
        workflow = WorkflowFunction(function, context, registration)
        self.roots.append(workflow)
        kind = UnitKind.ROUTE if registration is not None else UnitKind.ANNOTATED
        self._add_unit(function, Region.ORCHESTRATION, kind, context=context, workflow=workflow)

    def _add_unit(
        self,
        node: FunctionNode | ast.Lambda,
        region: Region,
        kind: UnitKind,
        *,
        context: Context,
        workflow: WorkflowFunction,
        step_call: StepCall | None = None,
    ) -> None:
        key = (id(node), region)
        scope = self.scopes.scope_of(node)
        if key in self._units_by_key or scope is None:
            return
        unit = CodeUnit(node, scope, region, kind, context, workflow, step_call=step_call)
        self._units_by_key[key] = unit
        self._unit_nodes.add(node)
        self.units.append(unit)

    def _expand(self) -> None:
        """Scan every unit not scanned yet, adding the step functions and helpers it reaches
        as units."""
        while self._scanned < len(self.units):
            self._scan(self.units[self._scanned])
            self._scanned += 1

    def _reached(self, function: FunctionNode) -> bool:
        return function in self._unit_nodes

    def _scan(self, unit: CodeUnit) -> None:
        for scope in unit.scope.region_scopes():
            for call in scope.calls:
                if not self._scan_step_call(unit, scope, call):
                    self._scan_helper_call(unit, scope, call)

    def _scan_step_call(self, unit: CodeUnit, scope: Scope, call: ast.Call) -> bool:
        """A call of a context method: a step call, a known method, or an unknown one."""
        func, func_scope = self._step_method_alias(call.func, scope) or (call.func, scope)
        if not isinstance(func, ast.Attribute):
            return False
        is_step_method = func.attr in self.step_methods
        if not is_step_method and not self._may_be_context(func.value):
            return False
        context = self.context_of(func.value, func_scope)
        if context is None:
            return False
        if not is_step_method:
            if _is_unknown_method(func.attr, self.detection.sdk_methods):
                self.unknown_method_calls.append(ContextMethodCall(unit.ref, call, func, context))
            return True
        name = argument(call, 0, sdk.STEP_NAME_PARAMETER)
        function = argument(call, 1, sdk.STEP_FUNCTION_PARAMETER) if func.attr == "run" else None
        step = StepCall(unit.ref, call, func.attr, context, name, function, None)
        if function is not None:
            step.step_function = self._resolve_step_function(function, scope)
        self._step_calls[call] = step
        unit.step_calls.append(step)
        if step.step_function is not None:
            self._add_unit(
                step.step_function.node,
                Region.STEP,
                UnitKind.STEP,
                context=context,
                workflow=unit.workflow,
                step_call=step,
            )
        return True

    def _add_context(self, parameter: ast.arg, context: Context) -> None:
        if parameter not in self._contexts:
            self._contexts[parameter] = context
            self._context_names.add(parameter.arg)
            self._binding_contexts.clear()
            self._class_contexts.clear()
            self._self_readers.clear()

    def _step_method_alias(
        self, func: ast.expr, scope: Scope
    ) -> tuple[ast.Attribute, Scope] | None:
        """`context.run` for `run` after `run = context.run` (also through `step = run`): a
        name bound once to a step method (of a context or not: the caller resolves it)."""
        for _ in range(_ALIAS_DEPTH):
            bound = self.scopes.single_value(func, scope) if isinstance(func, ast.Name) else None
            if bound is None:
                return None
            func, scope = bound
            if isinstance(func, ast.Attribute):
                return (func, scope) if func.attr in self.step_methods else None
        return None

    def _may_be_context(self, expr: ast.expr) -> bool:
        """A cheap test before resolving: named like a context parameter, or an attribute of
        a name (`self.ctx`, which the instance may hold)."""
        if isinstance(expr, ast.Attribute):
            return isinstance(expr.value, ast.Name)
        return isinstance(expr, ast.Name) and expr.id in self._context_names

    def _resolve_step_function(self, expr: ast.expr, scope: Scope) -> StepFunction | None:
        if isinstance(expr, ast.Lambda):
            return StepFunction(expr)
        wrapped = self.scopes.partial_target(expr, scope)
        if wrapped is not None:
            target = self.scopes.resolve_function(wrapped, scope)
            return StepFunction(target, via_partial=True) if target is not None else None
        target = self.scopes.resolve_function(expr, scope)
        return StepFunction(target) if target is not None else None

    def _scan_helper_call(self, unit: CodeUnit, scope: Scope, call: ast.Call) -> None:
        if call in self._helper_calls:
            return
        receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
        if isinstance(receiver, ast.Call):  # `Billing(context).run()`: the constructor first
            self._scan_helper_call(unit, scope, receiver)
        callee = self._callee(call, scope)
        if callee is None:
            self._scan_project_call(unit, scope, call)
            return
        if self.is_failure_function(callee.function):
            return
        helper = callee.function
        parameter, context = self._context_argument(callee, scope)
        if context is None:
            context = self._instance_context(call.func, scope, helper)
        if context is None and self._uses_context_by_closure(helper, unit):
            context = unit.context
        if context is None:
            return
        if parameter is not None:
            self._add_context(parameter, context)
        helper_call = HelperCall(unit.ref, call, helper)
        self._helper_calls[call] = helper_call
        unit.helper_calls.append(helper_call)
        self._add_unit(
            helper, unit.region, UnitKind.HELPER, context=context, workflow=unit.workflow
        )

    def _scan_project_call(self, unit: CodeUnit, scope: Scope, call: ast.Call) -> None:
        """A function of another module of the project that gets the context at the
        parameter its summary names."""
        found = self.imported_function(call.func, scope) or self._imported_constructor(
            call.func, scope
        )
        if found is None:
            return
        summary, module = found
        if summary.reaches_instance_context and self._made_with_context(call.func, scope):
            self._add_project_call(ProjectCall(unit.ref, call, summary, module))
            return
        if summary.is_failure_function or summary.context_parameter is None:
            return
        parameters, parameter = summary.parameters, summary.context_parameter
        for index, value in enumerate(call.args):
            if isinstance(value, ast.Starred):
                break
            at_parameter = index < len(parameters) and parameters[index] == parameter
            if at_parameter and self.context_of(value, scope) is not None:
                break
        else:
            keyword = next((k for k in call.keywords if k.arg == parameter), None)
            if keyword is None or self.context_of(keyword.value, scope) is None:
                return
        self._add_project_call(ProjectCall(unit.ref, call, summary, module))

    def _add_project_call(self, project_call: ProjectCall) -> None:
        self._project_calls[project_call.node] = project_call
        project_call.unit.project_calls.append(project_call)

    def _imported_constructor(
        self, func: ast.expr, scope: Scope
    ) -> tuple[FunctionSummary, ModuleSummary] | None:
        """The summary of the `__init__` of another module's class that a call makes an
        instance of."""
        if not self.imported.reads_modules:
            return None
        qualified = self.scopes.qualified_name(func, scope)
        return self.imported.function(f"{qualified}.__init__") if qualified is not None else None

    def _made_with_context(self, method: ast.expr, scope: Scope) -> bool:
        """`Pipeline(context).run` or `pipeline.run` after `pipeline = Pipeline(context)`: an
        instance of another module's class made here with the context its `__init__` keeps."""
        if not isinstance(method, ast.Attribute):
            return False
        made, _ = self.scopes.single_value(method.value, scope) or (method.value, scope)
        return isinstance(made, ast.Call) and made in self._project_calls

    def _callee(self, call: ast.Call, scope: Scope) -> _Callee | None:
        """The function of the file a call runs, with the arguments it gets: through a name, a
        method, a class (its `__init__`) or a `functools.partial` bound to a name."""
        func = call.func
        if last_name(func) not in self.scopes.callable_names:
            return None  # not the name of a def, a class or a partial of the file
        function = self.scopes.resolve_function(func, scope) or self.scopes.constructor(func, scope)
        if function is not None:
            skipped = 1 if self.scopes.passed_self(func, scope, function) else 0
            parameters = positional_parameters(function.args)[skipped:]
            return _Callee(function, parameters, list(call.args), call.keywords)
        bound = self.scopes.single_value(func, scope)
        if bound is None:
            return None
        partial, partial_scope = bound
        target = self.scopes.partial_target(partial, partial_scope)
        function = self.scopes.resolve_function(target, partial_scope) if target else None
        if function is None or not isinstance(partial, ast.Call):
            return None
        arguments = [*partial.args[1:], *call.args]
        keywords = [*partial.keywords, *call.keywords]
        return _Callee(function, positional_parameters(function.args), arguments, keywords)

    def _context_argument(
        self, callee: _Callee, scope: Scope
    ) -> tuple[ast.arg | None, Context | None]:
        """The helper's parameter that receives the context, and that context."""
        parameters = callee.parameters
        for index, argument in enumerate(callee.arguments):
            if isinstance(argument, ast.Starred):
                break
            context = self.context_of(argument, scope)
            if context is not None:
                return (parameters[index] if index < len(parameters) else None), context
        function = callee.function
        by_name = {p.arg: p for p in (*parameters, *function.args.kwonlyargs)}
        for keyword in callee.keywords:
            context = self.context_of(keyword.value, scope) if keyword.arg else None
            if context is not None:
                return by_name.get(keyword.arg or ""), context
        return None, None

    def _instance_context(
        self, func: ast.expr, scope: Scope, method: FunctionNode
    ) -> Context | None:
        """The context a method reaches through its instance: `pipeline.run()` or
        `self.step()` on an instance that holds one in an attribute (`self.context = context`)."""
        if not isinstance(func, ast.Attribute) or not self.scopes.is_method(method):
            return None
        owner = self.scopes.class_of(func.value, scope)
        held = self._instance_contexts(owner) if owner is not None else {}
        contexts = set(held.values())
        if len(contexts) != 1 or not self._reaches_self_context(method, frozenset(held)):
            return None
        return contexts.pop()

    def _reaches_self_context(self, method: FunctionNode, attributes: frozenset[str]) -> bool:
        """The method reads `self.<attribute>`, or calls a method of `self` that does."""
        if method not in self._self_readers:
            self._self_readers[method] = False  # a method calling itself reaches nothing new
            self._self_readers[method] = self._reads_self_context(method, attributes)
        return self._self_readers[method]

    def _reads_self_context(self, method: FunctionNode, attributes: frozenset[str]) -> bool:
        parameters = positional_parameters(method.args)
        method_scope = self.scopes.scope_of(method)
        if not parameters or method_scope is None:
            return False
        instance = parameters[0].arg
        for node in ast.walk(method):
            if not isinstance(node, ast.Attribute) or not isinstance(node.value, ast.Name):
                continue
            if node.value.id != instance:
                continue
            if node.attr in attributes:
                return True
            called = self.scopes.resolve_function(node, method_scope)
            if called is not None and self._reaches_self_context(called, attributes):
                return True
        return False

    def _instance_contexts(self, owner: ast.ClassDef) -> dict[str, Context]:
        """The attributes of a class's instances that hold a context: `self.ctx = context` in
        any method, its own or one of a base class of the file (forgotten, as the bindings'
        contexts are, when a context is added)."""
        if owner not in self._class_contexts:
            found: dict[str, Context] = {}
            self._class_contexts[owner] = found  # an attribute holding itself holds nothing
            class_scope = self.scopes.scope_of(owner)
            if class_scope is None:
                return found
            outer = class_scope.parent or class_scope
            for base in owner.bases:
                base_class = self.scopes.class_of(base, outer)
                if base_class is not None and base_class is not owner:
                    found.update(self._instance_contexts(base_class))
            for method_scope in class_scope.children:
                for attribute, value in _self_attribute_stores(method_scope):
                    context = self.context_of(value, method_scope)
                    if context is not None:
                        found[attribute] = context
        return self._class_contexts[owner]

    def _uses_context_by_closure(self, helper: FunctionNode, unit: CodeUnit) -> bool:
        """A def nested in workflow code that reads the enclosing context (`await do_steps()`)."""
        key = (helper, unit.context)
        if key not in self._closures:
            self._closures[key] = self._reads_context(helper, unit)
        return self._closures[key]

    def _reads_context(self, helper: FunctionNode, unit: CodeUnit) -> bool:
        helper_scope = self.scopes.scope_of(helper)
        if helper_scope is None or not helper_scope.is_within(unit.scope):
            return False
        parameter_name = unit.context.parameter.arg
        for node in ast.walk(helper):
            if isinstance(node, ast.Name) and node.id == parameter_name:
                scope = self.scopes.scope_at(node)
                if self.context_of(node, scope) is unit.context:
                    return True
        return False

    # Roots.

    def _find_registrations(self) -> dict[FunctionNode, Registration]:
        registrations: dict[FunctionNode, Registration] = {}
        serve_names = self._serve_function_names()
        for scope in self.scopes.scopes.values():
            node = scope.node
            if scope.kind is ScopeKind.FUNCTION and scope.parent is not None:
                assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                for decorator in node.decorator_list:
                    registration = self._registration(decorator, scope.parent)
                    if registration is not None:
                        registrations[node] = registration
            for call in scope.calls:
                func = call.func
                if (
                    isinstance(func, ast.Call)
                    or (isinstance(func, ast.Name) and func.id in serve_names)
                    or (isinstance(func, ast.Attribute) and func.attr in serve_names)
                ):
                    self._call_registration(call, scope, registrations)
        return registrations

    def _serve_function_names(self) -> set[str]:
        """Names under which `serve`/`async_serve` can be called in this file, aliases too."""
        names = {qualified.rsplit(".", 1)[-1] for qualified in sdk.SERVE_FUNCTIONS}
        for binding in self.scopes.imports:
            if binding.qualified_name in sdk.SERVE_FUNCTIONS:
                names.add(binding.name)
        return names

    def _call_registration(
        self, call: ast.Call, scope: Scope, registrations: dict[FunctionNode, Registration]
    ) -> None:
        """`serve.post(path)(fn)`, `serve(fn)`, `async_serve(fn)`; collects failure functions."""
        if isinstance(call.func, ast.Call):
            registration = self._registration(call.func, scope)
            target = call.args[0] if call.args else None
        else:
            qualified = self.scopes.qualified_name(call.func, scope)
            is_async = sdk.SERVE_FUNCTIONS.get(qualified or "")
            if is_async is None:
                return
            registration = Registration(call, qualified or "", is_async)
            target = argument(call, 0, "route_function")
            self._collect_failure_function(call, scope)
        if registration is None or target is None:
            return
        function = self.scopes.resolve_function(target, scope)
        if function is not None:
            registrations.setdefault(function, registration)

    def _registration(self, decorator: ast.expr, scope: Scope) -> Registration | None:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        qualified = self.scopes.qualified_name(target, scope)
        if qualified is not None and qualified in self.detection.registration_decorators:
            return Registration(decorator, qualified, None)
        if decorator is target and qualified in sdk.SERVE_FUNCTIONS:  # a bare `@serve`
            return Registration(decorator, qualified, sdk.SERVE_FUNCTIONS[qualified])
        if not isinstance(decorator, ast.Call) or not isinstance(target, ast.Attribute):
            return None
        serve_class = self._serve_class(target.value, scope)
        if serve_class is None:
            return None
        method, is_async = sdk.SERVE_CLASSES[serve_class]
        if target.attr != method:
            return None
        self._collect_failure_function(decorator, scope)
        return Registration(decorator, serve_class, is_async)

    def _serve_class(self, expr: ast.expr, scope: Scope, *, callers: bool = True) -> str | None:
        """The Serve class of `Serve(app)`, of a name bound to it, of `serve: Serve`, and (with
        `callers`) of a parameter that other modules of the project pass one to."""
        if isinstance(expr, ast.Call):
            qualified = self.scopes.qualified_name(expr.func, scope)
            return qualified if qualified in sdk.SERVE_CLASSES else None
        if isinstance(expr, ast.Attribute):  # `main.serve` after `from app import main`
            qualified = self.scopes.qualified_name(expr, scope)
            return self.imported.serve_class(qualified) if qualified is not None else None
        if not isinstance(expr, ast.Name):
            return None
        values = self.scopes.bound_values(expr, scope)
        if values is not None:
            return self._serve_class_of_values(values)
        imported = self.scopes.qualified_name(expr, scope)
        if imported is not None:  # `from app.main import serve`
            return self.imported.serve_class(imported)
        bindings = self.scopes.name_bindings(scope, expr.id)
        for parameter, parameter_scope in bindings.parameters if bindings is not None else ():
            parent = parameter_scope.parent or parameter_scope
            qualified = self.annotation_name(parameter.annotation, parent)
            if qualified in sdk.SERVE_CLASSES:
                return qualified
            passed = self._serve_passed_in(parameter, parameter_scope) if callers else None
            if passed is not None:
                return passed
        return None

    def registers_on_a_passed_serve(self) -> bool:
        """A route registered on a parameter that another module of the project passes a
        `Serve` object to (`def attach_routes(serve)` with `@serve.post(...)` inside)."""
        if not self.imported.reads_modules:
            return False
        for scope in self.scopes.scopes.values():
            node = scope.node
            if scope.kind is not ScopeKind.FUNCTION or scope.parent is None:
                continue
            assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else None
                receiver = target.value if isinstance(target, ast.Attribute) else None
                if isinstance(receiver, ast.Name) and self._serve_class(receiver, scope.parent):
                    return True
        return False

    def _serve_passed_in(self, parameter: ast.arg, function_scope: Scope) -> str | None:
        """The Serve class that other modules of the project pass to this parameter of a
        module-level function (`attach_routes(serve)` in `app/main.py`)."""
        function = function_scope.node
        if (
            not isinstance(function, FunctionNode)
            or function_scope.parent is not self.scopes.module
        ):
            return None
        parameters = positional_parameters(function.args)
        position = parameters.index(parameter) if parameter in parameters else None
        return self.imported.serve_passed_to(function.name, position, parameter.arg)

    def serve_arguments(self) -> tuple[tuple[str, str, str], ...]:
        """For the module's summary: each function of another module of the project that this
        one passes a `Serve` object to, with the parameter (its position, or its keyword) and
        the object's class."""
        found: set[tuple[str, str, str]] = set()
        for scope in self.scopes.scopes.values():
            for call in scope.calls:
                callee = self.scopes.qualified_name(call.func, scope)
                if callee is None or not self.imported.is_project_name(callee):
                    continue
                passed = [(str(index), value) for index, value in enumerate(call.args)]
                passed += [(k.arg, k.value) for k in call.keywords if k.arg is not None]
                for parameter, value in passed:
                    serve_class = self._serve_class(value, scope, callers=False)
                    if serve_class is not None:
                        found.add((callee, parameter, serve_class))
        return tuple(sorted(found))

    def _serve_class_of_values(self, values: tuple[tuple[ast.expr, Scope], ...]) -> str | None:
        """The Serve class every value of a name makes (`serve = Serve(app)` bound before each
        route), worked out once for the name however many routes use it."""
        key = id(values)
        if key not in self._serve_classes:
            self._serve_classes[key] = None  # a name bound to itself makes nothing
            classes = {self._serve_class(value, value_scope) for value, value_scope in values}
            self._serve_classes[key] = classes.pop() if len(classes) == 1 else None
        return self._serve_classes[key]

    def _collect_failure_function(self, call: ast.Call, scope: Scope) -> None:
        """`failure_function=notify`, also inside `**options` with `options = {...}`."""
        for keyword in call.keywords:
            value: ast.expr | None = keyword.value
            if keyword.arg is None:
                bound = self.scopes.single_value(keyword.value, scope)
                value = _dict_item(bound[0], sdk.FAILURE_FUNCTION_OPTION) if bound else None
            elif keyword.arg != sdk.FAILURE_FUNCTION_OPTION:
                continue
            function = self._failure_target(value, scope) if value is not None else None
            if function is not None:
                self.failure_functions.add(function)

    def _failure_target(
        self, expr: ast.expr, scope: Scope, depth: int = _ALIAS_DEPTH
    ) -> FunctionNode | None:
        """The def behind a failure function: named, `functools.partial(f, ...)`, a lambda
        that calls it, or a variable bound to one of those."""
        if depth == 0:
            return None
        if isinstance(expr, ast.Lambda):
            body = expr.body
            inner = self.scopes.scope_of(expr) or scope
            return (
                self.scopes.resolve_function(body.func, inner)
                if isinstance(body, ast.Call)
                else None
            )
        if isinstance(expr, ast.Call):
            target = self.scopes.partial_target(expr, scope)
            return self._failure_target(target, scope, depth - 1) if target else None
        function = self.scopes.resolve_function(expr, scope)
        if function is not None:
            return function
        bound = self.scopes.single_value(expr, scope)
        return self._failure_target(bound[0], bound[1], depth - 1) if bound else None

    def _annotated_context_parameter(
        self, function: FunctionNode, scope: Scope | None
    ) -> ast.arg | None:
        if scope is None:
            return None
        args = function.args
        for parameter in (*args.posonlyargs, *args.args, *args.kwonlyargs):
            if self.is_context_type(self.annotation_name(parameter.annotation, scope)):
                return parameter
        return None

    def is_context_type(self, qualified: str | None) -> bool:
        """The SDK's context class, a configured one, or one a project module declares."""
        if qualified is None:
            return False
        return qualified in self.context_types or self.imported.is_context_type(qualified)

    def annotation_name(self, annotation: ast.expr | None, scope: Scope) -> str | None:
        """Qualified name of an annotation: `X`, `X[T]`, `"X[T]"`, `mod.X`."""
        if annotation is None:
            return None
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value.strip(), mode="eval").body
            except SyntaxError:
                return None
        if isinstance(annotation, ast.Subscript):
            annotation = annotation.value
        return self.scopes.qualified_name(annotation, scope)


_CAST_FUNCTIONS = frozenset({"typing.cast", "typing_extensions.cast"})


@dataclass(frozen=True, eq=False)
class _Callee:
    """The function of the file a call runs, its parameters as the call fills them (`self`
    left out), and the arguments it gets (a partial's bound ones first)."""

    function: FunctionNode
    parameters: list[ast.arg]
    arguments: list[ast.expr]
    keywords: list[ast.keyword]


def _self_attribute_stores(method_scope: Scope) -> Iterator[tuple[str, ast.expr]]:
    """`self.ctx = value` in a method: each attribute and its value (`self` being the
    method's first parameter)."""
    receiver = first_parameter_name(method_scope.node)
    if receiver is None:
        return
    for statement in method_scope.statements:
        if not isinstance(statement, ast.Assign | ast.AnnAssign) or statement.value is None:
            continue
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == receiver
            ):
                yield target.attr, statement.value


def first_parameter_name(node: ast.AST) -> str | None:
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return None
    parameters = positional_parameters(node.args)
    return parameters[0].arg if parameters else None


def _self_attributes(expr: ast.expr, receiver: str | None) -> Iterator[str]:
    """`ctx` for `self.ctx`, `self` being `receiver`."""
    if (
        isinstance(expr, ast.Attribute)
        and isinstance(expr.value, ast.Name)
        and expr.value.id == receiver
    ):
        yield expr.attr


def _is_unknown_method(name: str, methods: frozenset[str]) -> bool:
    return name not in methods and name not in sdk.CONTEXT_ATTRIBUTES and not name.startswith("_")


def _dict_item(expr: ast.expr, key: str) -> ast.expr | None:
    """The value of a string key in a dict display or a `dict(key=...)` call."""
    if isinstance(expr, ast.Dict):
        for item_key, value in zip(expr.keys, expr.values, strict=True):
            if isinstance(item_key, ast.Constant) and item_key.value == key:
                return value
    elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "dict":
        return next((item.value for item in expr.keywords if item.arg == key), None)
    return None


def argument(call: ast.Call, index: int, keyword: str) -> ast.expr | None:
    """The argument passed at position `index` or as `keyword=`."""
    for position, argument in enumerate(call.args):
        if isinstance(argument, ast.Starred):
            return None
        if position == index:
            return argument
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    return None


def _reaching(bindings: list[Binding], use: ast.Name, scope: Scope) -> list[Binding]:
    """The bindings that can reach a use: a binding of the use's own scope that comes after it
    reaches it only through a loop around both (`context = None` after the last step does not
    end the context before it). Bindings of enclosing scopes all may (a closure runs later)."""
    if len(bindings) == 1:
        return bindings
    position = start(use)
    return [
        binding
        for binding in bindings
        if binding.scope is not scope
        or start(binding.node) <= position
        or any(contains(loop, use) and contains(loop, binding.node) for loop in scope.loops)
    ]


def _distance(scope: Scope, outer: Scope) -> int:
    """How many scopes up from `scope` `outer` is."""
    distance, current = 0, scope
    while current is not outer and current.parent is not None:
        distance, current = distance + 1, current.parent
    return distance


def _is_deletion(binding: Binding) -> bool:
    return isinstance(binding.node, ast.Name) and isinstance(binding.node.ctx, ast.Del)
