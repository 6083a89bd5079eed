"""Scopes, bindings and name resolution, computed in one traversal of the module.

Each scope also records the calls and awaits that run in it (not in nested scopes), so the
rest of the model reaches them without walking the tree again.
"""

from __future__ import annotations

import ast
import bisect
import builtins
import enum
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import InitVar, dataclass, field
from typing import TypeVar

from wfcheck.model.cached import cached_property
from wfcheck.model.nodes import NodeIndex, Point, end, last_name, start
from wfcheck.sdk import CONTEXT_ATTRIBUTES

_BUILTIN_NAMES = {name: f"builtins.{name}" for name in dir(builtins)}
# Values that make a name an alias of what they name: `now = time.monotonic`.
_ALIASES = (ast.Name, ast.Attribute)
# Values that may evaluate to an object bound elsewhere: `ctx = cast(T, context)`.
_COPIES = (ast.Name, ast.Attribute, ast.Subscript, ast.Call)


class ScopeKind(enum.Enum):
    MODULE = "module"
    FUNCTION = "function"
    LAMBDA = "lambda"
    CLASS = "class"
    COMPREHENSION = "comprehension"


class BindingKind(enum.Enum):
    IMPORT = "import"
    FUNCTION = "function"
    CLASS = "class"
    PARAMETER = "parameter"
    ASSIGNMENT = "assignment"
    OTHER = "other"


_Held = TypeVar("_Held")

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef
ScopeNode = (
    ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef | ast.expr
)


class Binding:
    """One binding of a name in a scope, which it refers to weakly (the scope holds it)."""

    __slots__ = ("_scope", "kind", "name", "node", "qualified_name", "value")

    def __init__(
        self,
        name: str,
        kind: BindingKind,
        node: ast.AST,
        scope: Scope,
        *,
        qualified_name: str | None = None,
        value: ast.expr | None = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.node = node
        self._scope = scope.ref
        self.qualified_name = qualified_name
        # The bound expression of `name = value` and `with value as name`.
        self.value = value

    @property
    def scope(self) -> Scope:
        return alive(self._scope)

    @property
    def is_none_placeholder(self) -> bool:
        """`name = None`, as in `try: import x` / `except ImportError: x = None`."""
        return isinstance(self.value, ast.Constant) and self.value.value is None

    @property
    def definition(self) -> FunctionNode | None:
        """The def that binds the name, for a FUNCTION binding."""
        node = self.node
        return node if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) else None


@dataclass(eq=False, slots=True, weakref_slot=True)
class Scope:
    """A module, function, lambda, class or comprehension scope. Its parent is held weakly
    (the parent holds its children), as bindings hold their scope."""

    kind: ScopeKind
    node: ScopeNode
    parent_scope: InitVar[Scope | None]
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    global_names: set[str] = field(default_factory=set)
    nonlocal_names: set[str] = field(default_factory=set)
    children: list[Scope] = field(default_factory=list)
    calls: list[ast.Call] = field(default_factory=list)
    awaits: list[ast.Await] = field(default_factory=list)
    loops: list[ast.For | ast.AsyncFor | ast.While] = field(default_factory=list)
    withs: list[ast.With | ast.AsyncWith] = field(default_factory=list)
    # Every statement of the scope, nested blocks included, in source order.
    statements: list[ast.stmt] = field(default_factory=list)
    # Reads of a context's attributes on a name (`context.request_payload`), outside calls'
    # callees.
    context_attribute_reads: list[ast.Attribute] = field(default_factory=list)

    ref: weakref.ReferenceType[Scope] = field(init=False)
    _parent: weakref.ReferenceType[Scope] | None = field(init=False)

    def __post_init__(self, parent_scope: Scope | None) -> None:
        self.ref = weakref.ref(self)
        self._parent = parent_scope.ref if parent_scope is not None else None

    @property
    def parent(self) -> Scope | None:
        return alive(self._parent) if self._parent is not None else None

    def bind(self, binding: Binding) -> None:
        self.bindings.setdefault(binding.name, []).append(binding)

    @property
    def function_scope(self) -> Scope:
        """The nearest enclosing scope that is not a comprehension (where `:=` binds)."""
        scope = self
        while scope.kind is ScopeKind.COMPREHENSION and scope.parent is not None:
            scope = scope.parent
        return scope

    def region_scopes(self) -> Iterator[Scope]:
        """This scope and its comprehensions: the code that runs when this scope runs."""
        yield self
        for child in self.children:
            if child.kind is ScopeKind.COMPREHENSION:
                yield from child.region_scopes()

    def is_within(self, other: Scope) -> bool:
        scope: Scope | None = self
        while scope is not None:
            if scope is other:
                return True
            scope = scope.parent
        return False


def alive(reference: weakref.ReferenceType[_Held]) -> _Held:
    """What a weak link of the model names. The model's parts link back to what holds them
    weakly, so that a file's model is freed when it is dropped, without the cycle collector;
    the holders live as long as the model."""
    held = reference()
    if held is None:
        raise ReferenceError("a part of the model outlived the model")
    return held


class NameBindings:
    """The bindings of one name in one scope, and what they say together: each answer is
    worked out once, however many uses of the name ask (a module can bind a name hundreds of
    times, as `serve = Serve(app)` before each route)."""

    def __init__(self, bindings: list[Binding]) -> None:
        self.bindings = bindings

    @cached_property
    def values(self) -> tuple[tuple[ast.expr, Scope], ...] | None:
        """Every expression the name is bound to (a `name = None` placeholder aside), when
        each binding binds one."""
        values = []
        for binding in self.bindings:
            if binding.is_none_placeholder:
                continue
            if binding.value is None:
                return None
            values.append((binding.value, binding.scope))
        return tuple(values) or None

    @cached_property
    def imported_name(self) -> str | None:
        """The qualified name of the one import the name stands for, when every other binding
        is a `name = None` placeholder."""
        qualified: str | None = None
        for binding in self.bindings:
            if binding.kind is BindingKind.IMPORT:
                if qualified is not None and binding.qualified_name != qualified:
                    return None
                qualified = binding.qualified_name
            elif not binding.is_none_placeholder:
                return None
        return qualified

    @cached_property
    def definitions(self) -> tuple[FunctionNode, ...] | None:
        """The defs that bind the name, when nothing else does. A scope binds its defs in
        source order, so their starts (`definition_starts`) are sorted."""
        definitions: list[FunctionNode] = []
        for binding in self.bindings:
            definition = binding.definition
            if definition is None:
                return None
            definitions.append(definition)
        return tuple(definitions)

    @cached_property
    def definition_starts(self) -> list[tuple[int, int]]:
        return [(definition.lineno, definition.col_offset) for definition in self.definitions or ()]

    @cached_property
    def may_copy_a_value(self) -> bool:
        """Some binding is a parameter or copies an expression that can name an object (a
        name, an attribute, an item or a call): the name may alias a parameter's value."""
        return any(
            binding.kind is BindingKind.PARAMETER
            or (binding.kind is BindingKind.ASSIGNMENT and isinstance(binding.value, _COPIES))
            for binding in self.bindings
        )

    @cached_property
    def parameters(self) -> tuple[tuple[ast.arg, Scope], ...]:
        """The parameters among the bindings, each with the scope it binds in."""
        return tuple((b.node, b.scope) for b in self.bindings if isinstance(b.node, ast.arg))


class ScopeTree:
    """The scopes of one module and name resolution over them."""

    def __init__(
        self,
        module: Scope,
        scopes: dict[ast.AST, Scope],
        imports: list[Binding],
        imported_modules: set[str],
        callable_names: set[str],
    ) -> None:
        self.module = module
        self.scopes = scopes
        # The names a call of a function of the file can go through: of every def and class,
        # and of every name bound to a `partial(...)` call (a cheap test before resolving).
        self.callable_names = callable_names
        # Every name bound by an import anywhere in the file, and every module named by one.
        self.imports = imports
        self.imported_modules = imported_modules
        self._qualified_cache: dict[int, str | None] = {}  # by the id of a `NameBindings`
        self._attribute_cache: dict[ast.Attribute, str | None] = {}
        # By the id of a scope's list of bindings of a name: the scopes keep every list alive.
        self._name_bindings: dict[int, NameBindings] = {}
        # What the names used in each scope resolve to, once asked (kept here, not in the
        # scopes: the answers refer to scopes).
        self._resolved: dict[Scope, dict[str, NameBindings | None]] = {}
        self._ordered_children: dict[ast.AST, _OrderedChildren] = {}
        # `class_of` a name, by the id of its `NameBindings`.
        self._instance_classes: dict[int, ast.ClassDef | None] = {}

    def scope_of(self, node: ast.AST) -> Scope | None:
        return self.scopes.get(node)

    def lookup(self, scope: Scope, name: str) -> list[Binding] | None:
        """The bindings that `name` refers to when used in `scope`, per Python's rules."""
        current: Scope | None = scope
        enclosing = False
        while current is not None:
            if name in current.global_names:
                return self.module.bindings.get(name)
            visible = not (enclosing and current.kind is ScopeKind.CLASS)
            if visible and name not in current.nonlocal_names:
                bindings = current.bindings.get(name)
                if bindings is not None:
                    return bindings
            enclosing = True
            current = current.parent
        return None

    def name_bindings(self, scope: Scope, name: str) -> NameBindings | None:
        """The bindings that `name` refers to in `scope`, with what they say together."""
        resolved = self._resolved.get(scope)
        if resolved is None:
            resolved = self._resolved[scope] = {}
        elif name in resolved:
            return resolved[name]
        bindings = self.lookup(scope, name)
        summary = None
        if bindings is not None:
            summary = self._name_bindings.get(id(bindings))
            if summary is None:
                summary = self._name_bindings[id(bindings)] = NameBindings(bindings)
        resolved[name] = summary
        return summary

    def qualified_name(self, expr: ast.AST, scope: Scope) -> str | None:
        """`time.time` for `t.time` after `import time as t`; None when not an import."""
        if isinstance(expr, ast.Attribute):
            # Each node is resolved from the scope it is in: memoise by node.
            if expr not in self._attribute_cache:
                base = self.qualified_name(expr.value, scope)
                self._attribute_cache[expr] = f"{base}.{expr.attr}" if base is not None else None
            return self._attribute_cache[expr]
        if isinstance(expr, ast.Name):
            return self._cached_name(expr.id, scope)
        return None

    def qualified_text(self, dotted: str, scope: Scope) -> str | None:
        """What the text `a.b.c` would mean written at `scope`: `qualified_name` of code that
        is not in the file yet (a fix's text)."""
        first, _, rest = dotted.partition(".")
        base = self._cached_name(first, scope)
        return f"{base}.{rest}" if base is not None and rest else base

    def _cached_name(self, name: str, scope: Scope) -> str | None:
        bindings = self.name_bindings(scope, name)
        if bindings is None:
            return _BUILTIN_NAMES.get(name)
        # By the bindings, which every scope that sees them shares.
        key = id(bindings)
        if key not in self._qualified_cache:
            self._qualified_cache[key] = None  # a name bound to itself resolves to nothing
            self._qualified_cache[key] = self._bindings_qualified_name(bindings)
        return self._qualified_cache[key]

    def _bindings_qualified_name(self, bindings: NameBindings) -> str | None:
        if bindings.imported_name is not None or bindings.values is None:
            return bindings.imported_name
        return self._alias_name(bindings.values)

    def _alias_name(self, values: tuple[tuple[ast.expr, Scope], ...]) -> str | None:
        """`time.monotonic` for `now` after `now = time.monotonic`: the one imported name
        every binding of a name copies."""
        names = {
            self.qualified_name(value, value_scope) if isinstance(value, _ALIASES) else None
            for value, value_scope in values
        }
        return names.pop() if len(names) == 1 else None

    def parent(self, node: ast.AST) -> ast.AST | None:
        """The parent of a node of the module (indexed on first use, statement by statement)."""
        return self._parents.parent(node)

    def names_read(self, within: ast.AST, name: str) -> list[ast.Name]:
        """The `Name` nodes inside `within` (nested code included) that read `name`."""
        return self._parents.names_read(within, name)

    def all_names_read(self, within: ast.AST) -> list[ast.Name]:
        return self._parents.all_names_read(within)

    @cached_property
    def _parents(self) -> NodeIndex:
        tree = self.module.node
        assert isinstance(tree, ast.Module)
        return NodeIndex(tree)

    def scope_at(self, node: ast.AST) -> Scope:
        """The scope whose names `node` sees, as the binder has it: a def's decorators,
        defaults and annotations, a class's bases and a comprehension's first iterable are in
        the enclosing scope. Found by position, descending from the module (by bisection)."""
        if not hasattr(node, "lineno"):  # `arguments`, `comprehension`...: by their parents
            parent = self.parent(node)
            return self.scope_at(parent) if parent is not None else self.module
        first, last = start(node), end(node)
        scope = self.module
        while True:
            child = self._child_holding(scope, first, last)
            if child is None or not _in_own_part(child.node, first, last):
                return scope
            scope = child

    def _child_holding(self, scope: Scope, first: Point, last: Point) -> Scope | None:
        """The innermost child scope whose node spans `first` to `last` (children can hold
        one another: a lambda in a def's defaults is the def's sibling)."""
        ordered = self._ordered_children.get(scope.node)
        if ordered is None:
            ordered = self._ordered_children[scope.node] = _OrderedChildren(scope.children)
        index = bisect.bisect_right(ordered.starts, first) - 1
        while index >= 0 and ordered.reach[index] >= last:
            child = ordered.children[index]
            if end(child.node) >= last:
                return child
            index -= 1
        return None

    def resolve_function(self, expr: ast.expr, scope: Scope) -> FunctionNode | None:
        """The def of the file that a name or a method reference refers to, where that is
        certain: `helper`, `self.m`, `cls.m`, `Class.m`, `obj.m` with `obj = Class(...)`.

        Within one function a name may be redefined (`async def _step()` before each step);
        the def that most recently precedes the use is the one that runs.
        """
        if isinstance(expr, ast.Attribute):
            owner = self.class_of(expr.value, scope)
            return self.method_of(owner, expr.attr) if owner is not None else None
        if not isinstance(expr, ast.Name):
            return None
        bindings = self.name_bindings(scope, expr.id)
        if bindings is None or not bindings.definitions:
            return None
        definitions = bindings.definitions
        if bindings.bindings[0].scope is not scope.function_scope or len(definitions) == 1:
            return definitions[-1]
        use = (expr.lineno, expr.col_offset)
        preceding = bisect.bisect_left(bindings.definition_starts, use)
        return definitions[preceding - 1] if preceding else None

    def constructor(self, expr: ast.expr, scope: Scope) -> FunctionNode | None:
        """The `__init__` of the class of the file that `expr` names (`Service` in
        `Service(context)`)."""
        owner = self._named_class(expr, scope)
        return self.method_of(owner, "__init__") if owner is not None else None

    def class_of(self, expr: ast.expr, scope: Scope) -> ast.ClassDef | None:
        """The class of the file that `expr` names or is an instance of: `self` and `cls` in
        its methods, `Class`, a parameter annotated with it, `obj` after `obj = Class(...)`,
        and `Class(...)` itself."""
        if isinstance(expr, ast.Call):
            return self._named_class(expr.func, scope)
        if not isinstance(expr, ast.Name):
            return None
        bindings = self.name_bindings(scope, expr.id)
        if bindings is None:
            return None
        key = id(bindings)
        if key not in self._instance_classes:
            self._instance_classes[key] = None  # a name bound to an instance of itself
            self._instance_classes[key] = self._class_of_name(bindings)
        return self._instance_classes[key]

    def _class_of_name(self, bindings: NameBindings) -> ast.ClassDef | None:
        """The class a name's bindings name, or make an instance of (every binding the same)."""
        if len(bindings.bindings) == 1:
            binding = bindings.bindings[0]
            if isinstance(binding.node, ast.ClassDef):
                return binding.node
            if isinstance(binding.node, ast.arg):
                return self._class_of_parameter(binding)
        classes = {
            self._named_class(value.func, value_scope) if isinstance(value, ast.Call) else None
            for value, value_scope in bindings.values or ()
        }
        return classes.pop() if len(classes) == 1 else None

    def _named_class(self, expr: ast.expr, scope: Scope) -> ast.ClassDef | None:
        if not isinstance(expr, ast.Name):
            return None
        bindings = self.name_bindings(scope, expr.id)
        if bindings is None or len(bindings.bindings) != 1:
            return None
        node = bindings.bindings[0].node
        return node if isinstance(node, ast.ClassDef) else None

    def _class_of_parameter(self, binding: Binding) -> ast.ClassDef | None:
        """`self` or `cls` of a method, or a parameter annotated with a class of the file."""
        parameter, function_scope = binding.node, binding.scope
        assert isinstance(parameter, ast.arg)
        annotation = parameter.annotation
        if annotation is not None:
            outer = function_scope.parent or function_scope
            return self._named_class(annotation, outer)
        function = function_scope.node
        owner = function_scope.parent
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or owner is None:
            return None
        parameters = positional_parameters(function.args)
        is_first = bool(parameters) and parameters[0] is parameter
        if owner.kind is not ScopeKind.CLASS or not is_first or is_static(function):
            return None
        assert isinstance(owner.node, ast.ClassDef)
        return owner.node

    def method_of(self, owner: ast.ClassDef, name: str, depth: int = 4) -> FunctionNode | None:
        """The method `name` of a class of the file or of its bases in the file (not a
        property: reading one is not a call)."""
        class_scope = self.scopes.get(owner)
        bindings = class_scope.bindings.get(name) if class_scope is not None else None
        if bindings:
            method = bindings[-1].definition
            return method if method is not None and not _is_property(method) else None
        if depth == 0 or class_scope is None:
            return None
        outer = class_scope.parent or self.module
        for base in owner.bases:
            base_class = self._named_class(base, outer)
            method = self.method_of(base_class, name, depth - 1) if base_class else None
            if method is not None:
                return method
        return None

    def property_of(self, attribute: ast.Attribute, scope: Scope) -> FunctionNode | None:
        """The getter of a property of a class of the file that `attribute` reads
        (`hours.is_open` with `hours = SupportHours()`)."""
        owner = self.class_of(attribute.value, scope)
        class_scope = self.scopes.get(owner) if owner is not None else None
        bindings = class_scope.bindings.get(attribute.attr) if class_scope is not None else None
        getter = bindings[0].definition if bindings else None
        return getter if getter is not None and is_getter(getter) else None

    def is_method(self, function: FunctionNode) -> bool:
        """A def in a class body that receives its instance or class (not a staticmethod)."""
        scope = self.scopes.get(function)
        parent = scope.parent if scope is not None else None
        return parent is not None and parent.kind is ScopeKind.CLASS and not is_static(function)

    def passed_self(self, func: ast.expr, scope: Scope, function: FunctionNode) -> bool:
        """Whether a call through `func` passes the instance or class as the method's first
        parameter: `self.m(...)`, `obj.m(...)`, `Class.m(...)` of a classmethod, and
        `Class(...)` for `__init__`; not `Class.m(obj, ...)` of a plain method."""
        if not self.is_method(function):
            return False
        if not isinstance(func, ast.Attribute):
            return function.name == "__init__"
        return self._named_class(func.value, scope) is None or _has_decorator(
            function, "classmethod"
        )

    def bound_values(
        self, expr: ast.expr, scope: Scope
    ) -> tuple[tuple[ast.expr, Scope], ...] | None:
        """Every expression a name is bound to, when each of its bindings binds one (one
        tuple, the same for every use of the name that sees the same bindings)."""
        if not isinstance(expr, ast.Name):
            return None
        bindings = self.name_bindings(scope, expr.id)
        return bindings.values if bindings is not None else None

    def module_values(self) -> Iterator[tuple[str, tuple[tuple[ast.expr, Scope], ...]]]:
        """Each module-level name with the expressions it is bound to, when every binding of
        it binds one (as `bound_values` gives them)."""
        for name in self.module.bindings:
            bindings = self.name_bindings(self.module, name)
            values = bindings.values if bindings is not None else None
            if values is not None:
                yield name, values

    def partial_target(self, expr: ast.expr, scope: Scope) -> ast.expr | None:
        """`f` for `functools.partial(f, ...)`; None for any other expression."""
        if not isinstance(expr, ast.Call) or not expr.args:
            return None
        is_partial = self.qualified_name(expr.func, scope) == "functools.partial"
        return expr.args[0] if is_partial else None

    def single_value(self, expr: ast.expr, scope: Scope) -> tuple[ast.expr, Scope] | None:
        """The expression a name is bound to, when every binding of it binds that one value."""
        values = self.bound_values(expr, scope)
        return values[0] if values is not None and len(values) == 1 else None


def _unpacked(target: ast.Tuple | ast.List, value: ast.expr | None) -> list[ast.expr | None]:
    """What each element of a tuple target is bound to: `run, wait = context.run, 10` binds
    each name to its element; any other value binds no element to an expression."""
    elements = target.elts
    if (
        isinstance(value, ast.Tuple | ast.List)
        and len(value.elts) == len(elements)
        and not any(isinstance(node, ast.Starred) for node in (*elements, *value.elts))
    ):
        return list(value.elts)
    return [None] * len(elements)


def _is_partial(value: ast.expr | None) -> bool:
    """`partial(...)` or `functools.partial(...)`, by its name."""
    if not isinstance(value, ast.Call):
        return False
    return last_name(value.func) == "partial"


class _OrderedChildren:
    """A scope's children by start, and how far the children up to each one reach."""

    def __init__(self, children: list[Scope]) -> None:
        self.children = sorted(children, key=lambda child: start(child.node))
        self.starts = [start(child.node) for child in self.children]
        self.reach: list[Point] = []
        furthest = (0, 0)
        for child in self.children:
            furthest = max(furthest, end(child.node))
            self.reach.append(furthest)


def _in_own_part(owner: ast.AST, first: Point, last: Point) -> bool:
    """Whether the code from `first` to `last`, inside a scope's node, is evaluated in that
    scope (a def's or class's body, a lambda's body, a comprehension but its first iterable)."""
    if isinstance(owner, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return start(owner.body[0]) <= first
    if isinstance(owner, ast.Lambda):
        return start(owner.body) <= first
    if isinstance(owner, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
        iterable = owner.generators[0].iter
        return not (start(iterable) <= first and last <= end(iterable))
    return True


def is_generator(scope: Scope) -> bool:
    """A generator function, from its statements: `yield` as a statement or as the value of an
    assignment or `return` (a `yield` deeper in an expression is not looked for)."""
    for statement in scope.statements:
        if isinstance(getattr(statement, "value", None), ast.Yield | ast.YieldFrom):
            return True
    return False


def is_static(function: FunctionNode) -> bool:
    return _has_decorator(function, "staticmethod")


def _is_property(function: FunctionNode) -> bool:
    """A getter, setter or deleter."""
    return is_getter(function) or any(
        isinstance(decorator, ast.Attribute) and decorator.attr in ("setter", "deleter")
        for decorator in function.decorator_list
    )


def is_getter(function: FunctionNode) -> bool:
    """Decorated `@property` or `@cached_property` (not a setter or deleter)."""
    return any(
        last_name(decorator) in _PROPERTY_DECORATORS for decorator in function.decorator_list
    )


def _has_decorator(function: FunctionNode, name: str) -> bool:
    return any(last_name(decorator) == name for decorator in function.decorator_list)


_PROPERTY_DECORATORS = frozenset({"property", "cached_property"})


def bind_module(tree: ast.Module, absolute: Callable[[str], str] = str) -> ScopeTree:
    """The scopes of a module; `absolute` turns a relative import's module (`..db`) into the
    module it names, when the module's own name is known (`str` keeps it as written)."""
    binder = _Binder(tree, absolute)
    binder.visit_body(tree.body, binder.module)
    return ScopeTree(
        binder.module, binder.scopes, binder.imports, binder.imported, binder.callable_names
    )


class _Binder:
    def __init__(self, tree: ast.Module, absolute: Callable[[str], str]) -> None:
        self.absolute = absolute
        self.module = Scope(ScopeKind.MODULE, tree, None)
        self.scopes: dict[ast.AST, Scope] = {tree: self.module}
        self.imported: set[str] = set()
        self.callable_names: set[str] = set()
        self.imports: list[Binding] = []

    def new_scope(self, kind: ScopeKind, node: ScopeNode, parent: Scope) -> Scope:
        scope = Scope(kind, node, parent)
        parent.children.append(scope)
        self.scopes[node] = scope
        return scope

    def visit_body(self, body: list[ast.stmt], scope: Scope) -> None:
        for statement in body:
            scope.statements.append(statement)
            self.visit(statement, scope)

    def visit(self, node: ast.AST, scope: Scope) -> None:
        kind = type(node)
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, node, scope)
            return
        fields = _CHILD_FIELDS.get(kind)
        if fields is None:
            fields = _child_fields(node)
        visit = self.visit
        for name, is_list in fields:
            child = getattr(node, name)
            if is_list:
                for item in child:
                    if type(item) not in _SKIPPED:
                        visit(item, scope)
            elif type(child) not in _SKIPPED:
                visit(child, scope)

    def visit_await(self, node: ast.Await, scope: Scope) -> None:
        scope.awaits.append(node)
        if type(node.value) not in _SKIPPED:
            self.visit(node.value, scope)

    def visit_call(self, node: ast.Call, scope: Scope) -> None:
        scope.calls.append(node)
        visit = self.visit
        func = node.func
        while type(func) is ast.Attribute:
            func = func.value
        if type(func) not in _SKIPPED:
            visit(func, scope)
        for argument in node.args:
            if type(argument) not in _SKIPPED:
                visit(argument, scope)
        for keyword in node.keywords:
            if type(keyword.value) not in _SKIPPED:
                visit(keyword.value, scope)

    def visit_attribute(self, node: ast.Attribute, scope: Scope) -> None:
        value = node.value
        if type(value) is ast.Name and node.attr in CONTEXT_ATTRIBUTES:
            scope.context_attribute_reads.append(node)
        while type(value) is ast.Attribute:
            value = value.value
        if type(value) not in _SKIPPED:
            self.visit(value, scope)

    def visit_all(self, nodes: Sequence[ast.AST], scope: Scope) -> None:
        for node in nodes:
            self.visit(node, scope)

    def bind_target(self, target: ast.AST, scope: Scope, value: ast.expr | None) -> None:
        """Bind the names of an assignment target; visit the expressions inside it."""
        if isinstance(target, ast.Name):
            scope.bind(Binding(target.id, BindingKind.ASSIGNMENT, target, scope, value=value))
        elif isinstance(target, ast.Tuple | ast.List):
            for element, element_value in zip(target.elts, _unpacked(target, value), strict=True):
                self.bind_target(element, scope, element_value)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value, scope, None)
        else:
            self.visit(target, scope)

    def visit_function(self, node: FunctionNode, scope: Scope) -> None:
        self.visit_all(node.decorator_list, scope)
        scope.bind(Binding(node.name, BindingKind.FUNCTION, node, scope))
        self.callable_names.add(node.name)
        inner = self.visit_parameters(node.args, scope, ScopeKind.FUNCTION, node)
        self.visit_body(node.body, inner)

    def visit_lambda(self, node: ast.Lambda, scope: Scope) -> None:
        inner = self.visit_parameters(node.args, scope, ScopeKind.LAMBDA, node)
        self.visit(node.body, inner)

    def visit_parameters(
        self, args: ast.arguments, scope: Scope, kind: ScopeKind, node: ScopeNode
    ) -> Scope:
        """Defaults and annotations run in the enclosing scope; the names bind in the new one."""
        for default in (*args.defaults, *args.kw_defaults):
            if default is not None and type(default) not in _SKIPPED:
                self.visit(default, scope)
        inner = self.new_scope(kind, node, scope)
        for arg in all_parameters(args):
            inner.bind(Binding(arg.arg, BindingKind.PARAMETER, arg, inner))
        return inner

    def visit_class(self, node: ast.ClassDef, scope: Scope) -> None:
        self.visit_all(node.decorator_list, scope)
        self.visit_all(node.bases, scope)
        self.visit_all([keyword.value for keyword in node.keywords], scope)
        scope.bind(Binding(node.name, BindingKind.CLASS, node, scope))
        self.callable_names.add(node.name)
        inner = self.new_scope(ScopeKind.CLASS, node, scope)
        self.visit_body(node.body, inner)

    def visit_comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, scope: Scope
    ) -> None:
        generators = node.generators
        self.visit(generators[0].iter, scope)
        inner = self.new_scope(ScopeKind.COMPREHENSION, node, scope)
        for index, generator in enumerate(generators):
            if index:
                self.visit(generator.iter, inner)
            self.bind_target(generator.target, inner, None)
            self.visit_all(generator.ifs, inner)
        if isinstance(node, ast.DictComp):
            self.visit(node.key, inner)
            self.visit(node.value, inner)
        else:
            self.visit(node.elt, inner)

    def visit_import(self, node: ast.Import, scope: Scope) -> None:
        for alias in node.names:
            self.imported.add(alias.name)
            if alias.asname:
                self.bind_import(alias.asname, alias.name, node, scope)
            else:
                top = alias.name.split(".", 1)[0]
                self.bind_import(top, top, node, scope)

    def visit_import_from(self, node: ast.ImportFrom, scope: Scope) -> None:
        module = "." * node.level + (node.module or "")
        if node.level:
            module = self.absolute(module)
        self.imported.add(module)
        for alias in node.names:
            if alias.name != "*":
                self.imported.add(f"{module}.{alias.name}")
                self.bind_import(alias.asname or alias.name, f"{module}.{alias.name}", node, scope)

    def bind_import(self, name: str, qualified: str, node: ast.stmt, scope: Scope) -> None:
        binding = Binding(name, BindingKind.IMPORT, node, scope, qualified_name=qualified)
        scope.bind(binding)
        self.imports.append(binding)

    def visit_assign(self, node: ast.Assign, scope: Scope) -> None:
        self.visit(node.value, scope)
        single = node.value if len(node.targets) == 1 else None
        if _is_partial(single):
            self.callable_names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        for target in node.targets:
            self.bind_target(target, scope, single)

    def visit_ann_assign(self, node: ast.AnnAssign, scope: Scope) -> None:
        if _is_partial(node.value) and isinstance(node.target, ast.Name):
            self.callable_names.add(node.target.id)
        if node.value is not None:
            self.visit(node.value, scope)
        if scope.kind is ScopeKind.MODULE or scope.kind is ScopeKind.CLASS:
            self.visit(node.annotation, scope)
        if node.value is not None or scope.kind is ScopeKind.FUNCTION:
            self.bind_target(node.target, scope, node.value)

    def visit_aug_assign(self, node: ast.AugAssign, scope: Scope) -> None:
        self.visit(node.value, scope)
        if isinstance(node.target, ast.Name):
            scope.bind(Binding(node.target.id, BindingKind.ASSIGNMENT, node.target, scope))
        else:
            self.visit(node.target, scope)

    def visit_named_expr(self, node: ast.NamedExpr, scope: Scope) -> None:
        self.visit(node.value, scope)
        target_scope = scope.function_scope
        # The binding's node is the whole `name := value`, which is where it is reported.
        target_scope.bind(Binding(node.target.id, BindingKind.ASSIGNMENT, node, target_scope))

    def visit_for(self, node: ast.For | ast.AsyncFor, scope: Scope) -> None:
        scope.loops.append(node)
        self.visit(node.iter, scope)
        self.bind_target(node.target, scope, None)
        self.visit_body(node.body, scope)
        self.visit_body(node.orelse, scope)

    def visit_while(self, node: ast.While, scope: Scope) -> None:
        scope.loops.append(node)
        self.visit(node.test, scope)
        self.visit_body(node.body, scope)
        self.visit_body(node.orelse, scope)

    def visit_if(self, node: ast.If, scope: Scope) -> None:
        self.visit(node.test, scope)
        self.visit_body(node.body, scope)
        self.visit_body(node.orelse, scope)

    def visit_try(self, node: ast.Try | ast.TryStar, scope: Scope) -> None:
        self.visit_body(node.body, scope)
        self.visit_all(node.handlers, scope)
        self.visit_body(node.orelse, scope)
        self.visit_body(node.finalbody, scope)

    def visit_match_case(self, node: ast.match_case, scope: Scope) -> None:
        self.visit(node.pattern, scope)
        if node.guard is not None:
            self.visit(node.guard, scope)
        self.visit_body(node.body, scope)

    def visit_with(self, node: ast.With | ast.AsyncWith, scope: Scope) -> None:
        scope.withs.append(node)
        for item in node.items:
            self.visit(item.context_expr, scope)
            if item.optional_vars is not None:
                self.bind_target(item.optional_vars, scope, item.context_expr)
        self.visit_body(node.body, scope)

    def visit_except_handler(self, node: ast.ExceptHandler, scope: Scope) -> None:
        if node.type is not None:
            self.visit(node.type, scope)
        if node.name:
            scope.bind(Binding(node.name, BindingKind.OTHER, node, scope))
        self.visit_body(node.body, scope)

    def visit_global(self, node: ast.Global, scope: Scope) -> None:
        scope.global_names.update(node.names)

    def visit_nonlocal(self, node: ast.Nonlocal, scope: Scope) -> None:
        scope.nonlocal_names.update(node.names)

    def visit_delete(self, node: ast.Delete, scope: Scope) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                scope.bind(Binding(target.id, BindingKind.OTHER, target, scope))
            else:
                self.visit(target, scope)

    def visit_capture_pattern(
        self, node: ast.MatchAs | ast.MatchStar | ast.MatchMapping, scope: Scope
    ) -> None:
        name = node.rest if isinstance(node, ast.MatchMapping) else node.name
        if name:
            scope.bind(Binding(name, BindingKind.OTHER, node, scope))
        for child in ast.iter_child_nodes(node):
            self.visit(child, scope)


# Handlers by node class: each takes the binder, a node of its class and the current scope.
_HANDLERS: dict[type[ast.AST], Callable[..., None]] = {
    ast.Await: _Binder.visit_await,
    ast.Call: _Binder.visit_call,
    ast.Attribute: _Binder.visit_attribute,
    ast.FunctionDef: _Binder.visit_function,
    ast.AsyncFunctionDef: _Binder.visit_function,
    ast.Lambda: _Binder.visit_lambda,
    ast.ClassDef: _Binder.visit_class,
    ast.ListComp: _Binder.visit_comprehension,
    ast.SetComp: _Binder.visit_comprehension,
    ast.GeneratorExp: _Binder.visit_comprehension,
    ast.DictComp: _Binder.visit_comprehension,
    ast.Import: _Binder.visit_import,
    ast.ImportFrom: _Binder.visit_import_from,
    ast.Assign: _Binder.visit_assign,
    ast.AnnAssign: _Binder.visit_ann_assign,
    ast.AugAssign: _Binder.visit_aug_assign,
    ast.NamedExpr: _Binder.visit_named_expr,
    ast.For: _Binder.visit_for,
    ast.AsyncFor: _Binder.visit_for,
    ast.While: _Binder.visit_while,
    ast.If: _Binder.visit_if,
    ast.Try: _Binder.visit_try,
    ast.TryStar: _Binder.visit_try,
    ast.match_case: _Binder.visit_match_case,
    ast.With: _Binder.visit_with,
    ast.AsyncWith: _Binder.visit_with,
    ast.ExceptHandler: _Binder.visit_except_handler,
    ast.Global: _Binder.visit_global,
    ast.Nonlocal: _Binder.visit_nonlocal,
    ast.Delete: _Binder.visit_delete,
    ast.MatchAs: _Binder.visit_capture_pattern,
    ast.MatchStar: _Binder.visit_capture_pattern,
    ast.MatchMapping: _Binder.visit_capture_pattern,
}


# Fields that never hold a node that binds a name, calls or awaits: contexts, operators, names.
_LEAF_FIELDS = frozenset(
    {"ctx", "op", "ops", "id", "attr", "arg", "name", "asname", "module", "level", "kind"}
    | {"type_comment", "conversion", "is_async", "tag", "simple", "kwd_attrs", "value_str"}
)
_LEAF_NODES = (
    ast.Name,
    ast.Constant,
    ast.MatchSingleton,
    ast.expr_context,
    ast.operator,
    ast.cmpop,
    ast.unaryop,
    ast.boolop,
)
# Nodes, and values in node lists, with nothing under them for the binder.
_SKIPPED = frozenset({ast.Name, ast.Constant, ast.Load, ast.Store, type(None), str})
_CHILD_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}


def _child_fields(node: ast.AST) -> tuple[tuple[str, bool], ...]:
    """The fields of a node's class that can hold nodes the binder must see, and which of
    them are lists (a field is a list in every node of a class, or in none)."""
    kind = type(node)
    fields: tuple[tuple[str, bool], ...] = ()
    if not isinstance(node, _LEAF_NODES):
        names = [name for name in kind._fields if name not in _LEAF_FIELDS]
        fields = tuple((name, isinstance(getattr(node, name), list)) for name in names)
    _CHILD_FIELDS[kind] = fields
    return fields


def all_parameters(args: ast.arguments) -> list[ast.arg]:
    parameters = [*args.posonlyargs, *args.args]
    if args.vararg is not None:
        parameters.append(args.vararg)
    parameters.extend(args.kwonlyargs)
    if args.kwarg is not None:
        parameters.append(args.kwarg)
    return parameters


def positional_parameters(args: ast.arguments) -> list[ast.arg]:
    return [*args.posonlyargs, *args.args]


def required_positional(args: ast.arguments) -> list[ast.arg]:
    """The positional parameters without a default."""
    positional = positional_parameters(args)
    return positional[: len(positional) - len(args.defaults)]


def left_unbound(
    positional: list[str], keywords: list[str], argument: ast.expr | None
) -> list[str]:
    """Of a function's required parameters, those that `argument` leaves unfilled when the
    SDK calls it with none: all, or those `functools.partial(function, ...)` does not bind."""
    if isinstance(argument, ast.Call):  # functools.partial(function, *bound, **bound)
        bound_positional = len(argument.args) - 1
        bound_keywords = {keyword.arg for keyword in argument.keywords}
        positional = [name for name in positional[bound_positional:] if name not in bound_keywords]
        keywords = [name for name in keywords if name not in bound_keywords]
    return [*positional, *keywords]


def required_keywords(args: ast.arguments) -> list[ast.arg]:
    """The keyword-only parameters without a default."""
    return [p for p, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is None]
