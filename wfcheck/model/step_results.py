"""Values that `json.dumps` rejects, where the code makes that evident (UWF204's analysis).

The SDK sends a step's result through plain `json.dumps`. `StepResults.rejected` tells what an
expression evidently evaluates to when `json.dumps` rejects it: sets, bytes, datetimes, dates,
UUIDs, Decimals, paths, generators and iterators, functions and classes, open files, clients
and connections, HTTP responses, and instances of classes of the file; also inside list, tuple
and dict displays and comprehensions, through names whose every binding is such a value, and
through calls of functions of the file whose every `return` gives one (what a function of the
file returns is worked out once, cycle-safe). An expression that could be serializable gives
nothing.
"""

from __future__ import annotations

import ast
import codecs
import enum
from dataclasses import dataclass

from wfcheck.model.scopes import (
    BindingKind,
    FunctionNode,
    Scope,
    ScopeTree,
    is_generator,
    left_unbound,
)
from wfcheck.model.sources import CLIENT_ORIGINS, PATH_DERIVING_METHODS, Origin, Origins
from wfcheck.model.workflows import Workflows
from wfcheck.project.summaries import FunctionSummary, ReturnedValue

# How many names, calls and nested displays deep a value is followed (beyond it nothing is
# evident, and what a function returns is remembered as found the first time).
_MAX_DEPTH = 16


class Kind(enum.Enum):
    SET = "set"
    BYTES = "bytes"
    DATETIME = "datetime"
    DATE = "date"
    UUID = "uuid"
    DECIMAL = "decimal"
    PATH = "path"
    ITERATOR = "iterator"
    FUNCTION = "function"
    FILE = "file"
    CLIENT = "client"
    RESPONSE = "response"
    INSTANCE = "instance"
    CONTAINER = "container"


@dataclass(frozen=True)
class Rejected:
    """A value `json.dumps` rejects: what it is, in words (`a set`, `a dict holding a set`)."""

    kind: Kind
    what: str
    # The functions of the file it is returned through, outermost first, and where the
    # innermost returns it.
    through: tuple[str, ...] = ()
    returned_at: ast.expr | None = None


def unbound_parameters(function: FunctionSummary, argument: ast.expr | None) -> list[str]:
    """Of a project function's required parameters, those a step argument leaves unbound."""
    return left_unbound(list(function.required), list(function.required_keywords), argument)


def _imported_result(summary: FunctionSummary) -> Rejected | None:
    """What a function of another module of the project returns, from its summary."""
    returned = summary.returns_unserializable
    if returned is None:
        return None
    return Rejected(Kind(returned.kind), returned.what, (summary.name, *returned.through))


def _made(kind: Kind, what: str, *names: str) -> dict[str, Rejected]:
    return {name: Rejected(kind, what) for name in names}


def _names(prefix: str, *names: str) -> list[str]:
    return [f"{prefix}{name}" for name in names]


_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")
_BASE64 = ("b64", "urlsafe_b64", "standard_b64", "b32", "b16", "b85", "a85")
# Calls of these, by qualified name, make a value json.dumps rejects.
_CALLS: dict[str, Rejected] = {
    **_made(Kind.SET, "a set", "builtins.set"),
    **_made(Kind.SET, "a frozenset", "builtins.frozenset"),
    **_made(Kind.BYTES, "bytes", "builtins.bytes", "os.urandom", "secrets.token_bytes"),
    **_made(Kind.BYTES, "bytes", "random.randbytes"),
    **_made(Kind.BYTES, "bytes", *_names("base64.", *(f"{c}encode" for c in _BASE64))),
    **_made(Kind.BYTES, "bytes", *_names("base64.", *(f"{c}decode" for c in _BASE64))),
    **_made(Kind.BYTES, "a bytearray", "builtins.bytearray"),
    **_made(Kind.FILE, "an open file", "builtins.open", "io.open", "gzip.open"),
    **_made(
        Kind.FILE,
        "an open file",
        *_names("tempfile.", "TemporaryFile", "NamedTemporaryFile", "SpooledTemporaryFile"),
    ),
    **_made(
        Kind.DATETIME,
        "a datetime",
        "datetime.datetime",
        *_names("datetime.datetime.", "now", "utcnow", "today", "fromisoformat", "strptime"),
        *_names("datetime.datetime.", "fromtimestamp", "utcfromtimestamp", "combine"),
        "datetime.datetime.fromordinal",
    ),
    **_made(
        Kind.DATE,
        "a date",
        "datetime.date",
        *_names("datetime.date.", "today", "fromisoformat", "fromtimestamp", "fromordinal"),
    ),
    **_made(Kind.UUID, "a UUID", "uuid.UUID", *(f"uuid.uuid{n}" for n in range(1, 9))),
    **_made(Kind.DECIMAL, "a Decimal", "decimal.Decimal"),
    **_made(
        Kind.PATH,
        "a Path",
        *_names("pathlib.", "Path", "PurePath", "PosixPath", "WindowsPath", "PurePosixPath"),
        *_names("pathlib.", "PureWindowsPath", "Path.home", "Path.cwd"),
    ),
    **_made(Kind.RESPONSE, "a requests Response", *_names("requests.", *_VERBS)),
    **_made(Kind.RESPONSE, "an httpx Response", *_names("httpx.", *_VERBS)),
    **_made(Kind.ITERATOR, "a map iterator", "builtins.map"),
    **_made(Kind.ITERATOR, "a filter iterator", "builtins.filter"),
    **_made(Kind.ITERATOR, "a zip iterator", "builtins.zip"),
    **_made(Kind.ITERATOR, "an enumerate iterator", "builtins.enumerate"),
    **_made(Kind.ITERATOR, "a reversed iterator", "builtins.reversed"),
    **_made(Kind.ITERATOR, "an iterator", "builtins.iter"),
    **_made(Kind.FUNCTION, "a function", "functools.partial"),
    **_made(Kind.CLIENT, "a socket", "socket.socket", "socket.create_connection"),
}

# Client factories whose HTTP methods return a Response, by the library's name.
_HTTP_CLIENTS = {
    "requests.Session": "requests",
    "requests.session": "requests",
    "httpx.Client": "httpx",
    "httpx.AsyncClient": "httpx",
}
_HTTP_METHODS = frozenset({*_VERBS, "send"})
_DATETIME_METHODS = frozenset({"replace", "astimezone"})
_DIGESTS = ("hashlib.", "hmac.new")
# `str` methods that return text, for what `.encode()` is called on.
_TEXT_METHODS = frozenset(
    {"format", "join", "lower", "upper", "strip", "lstrip", "rstrip", "replace", "title"}
    | {"casefold", "capitalize", "zfill", "ljust", "rjust", "center", "removeprefix"}
    | {"removesuffix", "decode", "getvalue"}
)
_TEXT_CALLS = frozenset({"builtins.str", "builtins.repr", "json.dumps"})

# Class bases whose instances json.dumps rejects, and what they make the class. Any other base
# (dict, str, int, TypedDict, NamedTuple, IntEnum, a class of a library) may make the instances
# JSON values, so the class is not evident.
_PLAIN_BASES = frozenset(
    {"builtins.object", "abc.ABC", "typing.Generic", "typing_extensions.Generic"}
)
_PYDANTIC_BASES = frozenset(
    {"pydantic.BaseModel", "pydantic.main.BaseModel", "pydantic.RootModel", "pydantic.v1.BaseModel"}
    | {"pydantic_settings.BaseSettings", "sqlmodel.SQLModel", "sqlmodel.main.SQLModel"}
)
_ENUM_BASES = frozenset({"enum.Enum", "enum.Flag"})
_DATACLASS_DECORATORS = frozenset(
    {"dataclasses.dataclass", "pydantic.dataclasses.dataclass", "attr.s", "attr.attrs"}
    | {"attr.define", "attr.frozen", "attr.mutable", "attrs.define", "attrs.frozen"}
    | {"attrs.mutable"}
)
# Class decorators that return the class they are given.
_NEUTRAL_CLASS_DECORATORS = frozenset(
    {"functools.total_ordering", "enum.unique", "typing.final", "typing_extensions.final"}
)
_METACLASSES = frozenset({"abc.ABCMeta"})
# Function decorators that keep what the function returns.
_KEEPING_DECORATORS = frozenset(
    {"builtins.staticmethod", "builtins.classmethod", "functools.cache", "functools.lru_cache"}
)
# Class methods of pydantic models that make an instance.
_PYDANTIC_CONSTRUCTORS = frozenset(
    {"model_validate", "model_validate_json", "model_validate_strings", "model_construct"}
    | {"parse_obj", "parse_raw", "construct", "from_orm"}
)
_PLAIN_CLASS = "a class of this file"
_ENUM = "an Enum"
_PYDANTIC = "a pydantic model"


class StepResults:
    """What json.dumps rejects among values of one module (memoised per function and class)."""

    def __init__(self, scopes: ScopeTree, origins: Origins, workflows: Workflows) -> None:
        self.scopes = scopes
        self.origins = origins
        # What names imported from the project's other modules are (`imported_function`).
        self.workflows = workflows
        self._returns: dict[FunctionNode, Rejected | None] = {}
        self._classes: dict[ast.ClassDef, str | None] = {}
        # By the id of a name's tuple of bound values (`ScopeTree.bound_values`).
        self._names: dict[int, Rejected | None] = {}

    def rejected(self, expr: ast.expr, scope: Scope, depth: int = 0) -> Rejected | None:
        """What `expr` evidently evaluates to, when json.dumps rejects it (the `...`
        placeholder never)."""
        if depth > _MAX_DEPTH:
            return None
        depth += 1
        if isinstance(expr, ast.Constant):
            return Rejected(Kind.BYTES, "bytes") if isinstance(expr.value, bytes) else None
        if isinstance(expr, ast.Set | ast.SetComp):
            return Rejected(Kind.SET, "a set")
        if isinstance(expr, ast.GeneratorExp):
            return Rejected(Kind.ITERATOR, "a generator")
        if isinstance(expr, ast.Lambda):
            return Rejected(Kind.FUNCTION, "a function")
        if isinstance(expr, ast.List | ast.Tuple | ast.Dict | ast.ListComp | ast.DictComp):
            return self._container(expr, scope, depth)
        if isinstance(expr, ast.Await | ast.NamedExpr):
            return self.rejected(expr.value, scope, depth)
        if isinstance(expr, ast.IfExp):
            body = self.rejected(expr.body, scope, depth)
            return body if body and self.rejected(expr.orelse, scope, depth) else None
        if isinstance(expr, ast.BinOp):
            return self._operation(expr, scope, depth)
        if isinstance(expr, ast.Name):
            return self._name(expr, scope, depth)
        if isinstance(expr, ast.Attribute):
            return self._attribute(expr, scope, depth)
        if isinstance(expr, ast.Call):
            return self._call(expr, scope, depth)
        return None

    def summary_of_returned(self, function: FunctionNode, module: str) -> ReturnedValue | None:
        """What `returned_by` says, for the module's summary (`module`: its path)."""
        found = self.returned_by(function)
        if found is None:
            return None
        what = found.what.replace(_PLAIN_CLASS, f"a class of {module}")
        return ReturnedValue(found.kind.value, what, found.through)

    def module_rejected_instances(self, module: str) -> dict[str, str]:
        """For the module's summary (`module`: its path): its classes whose instances
        json.dumps rejects, with what they are."""
        found: dict[str, str] = {}
        for bindings in self.scopes.module.bindings.values():
            owner = bindings[0].node
            if len(bindings) != 1 or not isinstance(owner, ast.ClassDef):
                continue
            label = self._class_label(owner)
            if label is not None:
                found[owner.name] = label.replace(_PLAIN_CLASS, f"a class of {module}")
        return found

    def returned_by_reference(
        self, function: ast.expr, scope: Scope, is_async: bool
    ) -> Rejected | None:
        """What a function of another module of the project returns, named as a step function
        (`context.run("stamp", timestamp)`, also through `functools.partial(timestamp, ...)`),
        unless the SDK's call fails before it returns (a required parameter left unbound, an
        `async def` on the sync context: UWF205's)."""
        summary = self.project_step_function(function, scope)
        if summary is None:
            return None
        if "." not in summary.name and (
            (summary.is_async and not is_async) or unbound_parameters(summary, function)
        ):
            return None
        return _imported_result(summary)

    def project_step_function(self, argument: ast.expr, scope: Scope) -> FunctionSummary | None:
        """The summary of the function of another module of the project that a step argument
        names, by name or through `functools.partial`."""
        reference = self.scopes.partial_target(argument, scope) or argument
        imported = self.workflows.imported_function(reference, scope)
        return imported[0] if imported is not None else None

    def returned_by(self, function: FunctionNode, depth: int = 0) -> Rejected | None:
        """What every `return` of a function of the file gives, when json.dumps rejects each
        (the first one's); a generator function gives a generator."""
        if function not in self._returns:
            self._returns[function] = None  # a recursive call returns nothing evident
            self._returns[function] = self._returned_by(function, depth)
        return self._returns[function]

    def _returned_by(self, function: FunctionNode, depth: int) -> Rejected | None:
        scope = self.scopes.scope_of(function)
        if scope is None or not all(
            self._decorator_name(decorator, scope) in _KEEPING_DECORATORS
            for decorator in function.decorator_list
        ):
            return None
        if is_generator(scope):
            return Rejected(Kind.ITERATOR, "a generator")
        returns = [statement for statement in scope.statements if isinstance(statement, ast.Return)]
        if not returns or _may_fall_through(function.body):
            return None
        first: Rejected | None = None
        for statement in returns:
            value = statement.value
            if value is None:
                return None
            found = self.rejected(value, scope, depth)
            if found is None:
                return None
            if first is None:
                first = found if found.returned_at else _returned_at(found, value)
        return first

    def _decorator_name(self, decorator: ast.expr, function_scope: Scope) -> str | None:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        return self.scopes.qualified_name(target, function_scope.parent or function_scope)

    def _container(
        self,
        expr: ast.List | ast.Tuple | ast.Dict | ast.ListComp | ast.DictComp,
        scope: Scope,
        depth: int,
    ) -> Rejected | None:
        """A list, tuple or dict display or comprehension holding a value json.dumps rejects
        (as an element, a key or a value)."""
        if isinstance(expr, ast.ListComp | ast.DictComp):
            scope = self.scopes.scope_of(expr) or scope
        if isinstance(expr, ast.List | ast.Tuple):
            items = [element for element in expr.elts if not isinstance(element, ast.Starred)]
        elif isinstance(expr, ast.Dict):
            items = [key for key in expr.keys if key is not None] + expr.values
        elif isinstance(expr, ast.DictComp):
            items = [expr.key, expr.value]
        else:
            items = [expr.elt]
        container = {ast.Tuple: "a tuple", ast.Dict: "a dict", ast.DictComp: "a dict"}
        for item in items:
            found = self.rejected(item, scope, depth)
            if found is not None:
                what = f"{container.get(type(expr), 'a list')} holding {found.what}"
                return Rejected(Kind.CONTAINER, what, found.through, found.returned_at)
        return None

    def _operation(self, expr: ast.BinOp, scope: Scope, depth: int) -> Rejected | None:
        """A path join (`base / "x"`), and a datetime or date moved by a `timedelta(...)`."""
        if isinstance(expr.op, ast.Div):
            left = self.rejected(expr.left, scope, depth)
            return left if left is not None and left.kind is Kind.PATH else None
        if isinstance(expr.op, ast.Add | ast.Sub) and isinstance(expr.right, ast.Call):
            moved = self.scopes.qualified_name(expr.right.func, scope) == "datetime.timedelta"
            left = self.rejected(expr.left, scope, depth) if moved else None
            return left if left is not None and left.kind in (Kind.DATETIME, Kind.DATE) else None
        return None

    def _name(self, expr: ast.Name, scope: Scope, depth: int) -> Rejected | None:
        """A def or a class of the file, or a name every binding of which is such a value."""
        if self.scopes.resolve_function(expr, scope) is not None:
            return Rejected(Kind.FUNCTION, "a function")
        if self._named_class(expr, scope) is not None:
            return Rejected(Kind.FUNCTION, "a class")
        values = self.scopes.bound_values(expr, scope)
        if values is None:
            return None
        key = id(values)
        if key not in self._names:
            self._names[key] = None  # a name bound to itself is nothing evident
            found = [self.rejected(value, value_scope, depth) for value, value_scope in values]
            self._names[key] = found[0] if all(found) else None
        return self._names[key]

    def _attribute(self, expr: ast.Attribute, scope: Scope, depth: int) -> Rejected | None:
        """A method reference, a member of an Enum of the file, a path's parent, and a
        response's `content` (bytes)."""
        if self.scopes.resolve_function(expr, scope) is not None:
            return Rejected(Kind.FUNCTION, "a function")
        owner = self._named_class(expr.value, scope)
        if owner is not None:
            return self._enum_member(owner, expr.attr)
        if expr.attr not in ("parent", "content"):
            return None
        receiver = self.rejected(expr.value, scope, depth)
        if receiver is not None and receiver.kind is Kind.PATH and expr.attr == "parent":
            return receiver
        if receiver is not None and receiver.kind is Kind.RESPONSE and expr.attr == "content":
            return Rejected(Kind.BYTES, f"bytes (the content of {receiver.what})")
        return None

    def _enum_member(self, owner: ast.ClassDef, name: str) -> Rejected | None:
        class_scope = self.scopes.scope_of(owner)
        bindings = class_scope.bindings.get(name) if class_scope is not None else None
        is_member = (
            bindings is not None
            and not name.startswith("_")
            and all(binding.kind is BindingKind.ASSIGNMENT for binding in bindings)
        )
        return self._instance(owner) if is_member and self._class_label(owner) == _ENUM else None

    def _call(self, call: ast.Call, scope: Scope, depth: int) -> Rejected | None:
        func = call.func
        qualified = self.scopes.qualified_name(func, scope)
        if qualified in _CALLS:
            return _CALLS[qualified]
        imported = self.workflows.imported_function(func, scope)
        if imported is not None:
            return _imported_result(imported[0])
        if qualified is not None:
            label = self.workflows.imported.rejected_instance(qualified)
            if label is not None:
                return Rejected(
                    Kind.INSTANCE, f"an instance of {qualified.rsplit('.', 1)[-1]} ({label})"
                )
            return self._made_object(call, scope)
        function = self.scopes.resolve_function(func, scope)
        if function is not None:
            found = self.returned_by(function, depth)
            if found is None:
                return None
            through = (function.name, *found.through)
            return Rejected(found.kind, found.what, through, found.returned_at)
        owner = self._named_class(func, scope)
        if owner is not None:
            return self._instance(owner)
        made = self._made_object(call, scope)
        if made is None and isinstance(func, ast.Attribute):
            return self._method_result(call, scope, depth)
        return made

    def _made_object(self, call: ast.Call, scope: Scope) -> Rejected | None:
        """A client, a connection or a path, as the catalog of sources knows them."""
        origin = self.origins.of(call, scope)
        if origin in CLIENT_ORIGINS:
            return Rejected(Kind.CLIENT, "a client or connection object")
        return Rejected(Kind.PATH, "a Path") if origin is Origin.PATH else None

    def _method_result(self, call: ast.Call, scope: Scope, depth: int) -> Rejected | None:
        """What a method call evidently returns: bytes from `.encode()`, `.read_bytes()`,
        `b"".join(...)`, a binary file's `.read()` and a hash's `.digest()`; a Response from
        an HTTP client; a derived path or datetime; a pydantic model of the file."""
        assert isinstance(call.func, ast.Attribute)
        receiver, method = call.func.value, call.func.attr
        if method == "encode" and self._encodes_text(call, scope, depth):
            return Rejected(Kind.BYTES, "bytes")
        if method == "read_bytes" and self.scopes.qualified_name(receiver, scope) is None:
            return Rejected(Kind.BYTES, "bytes")
        if method == "read" and self._opened_binary(receiver, scope, depth):
            return Rejected(Kind.BYTES, "bytes")
        if method == "digest" and isinstance(receiver, ast.Call):
            maker = self.scopes.qualified_name(receiver.func, scope) or ""
            return Rejected(Kind.BYTES, "bytes") if maker.startswith(_DIGESTS) else None
        if method in _HTTP_METHODS:
            library = _HTTP_CLIENTS.get(self._factory(receiver, scope, depth) or "")
            if library is not None:
                article = "an" if library == "httpx" else "a"
                return Rejected(Kind.RESPONSE, f"{article} {library} Response")
        if method in _PYDANTIC_CONSTRUCTORS:
            owner = self._named_class(receiver, scope)
            is_model = owner is not None and self._class_label(owner) == _PYDANTIC
            return self._instance(owner) if owner is not None and is_model else None
        found = self.rejected(receiver, scope, depth)
        if found is None:
            return None
        if found.kind is Kind.BYTES and method == "join":
            return Rejected(Kind.BYTES, "bytes")
        if found.kind is Kind.PATH and method in PATH_DERIVING_METHODS:
            return found
        if found.kind is Kind.DATETIME and method in _DATETIME_METHODS:
            return found
        if found.kind is Kind.DATETIME and method == "date":
            return Rejected(Kind.DATE, "a date")
        return None

    def _encodes_text(self, call: ast.Call, scope: Scope, depth: int) -> bool:
        """`text.encode(...)`: on text, or on anything but a module with a codec name as its
        encoding (`buffer.getvalue().encode("utf-8")`). `jwt.encode(payload, key)`,
        `tokenizer.encode(text)` and `Header(...).encode()` are not `str.encode`."""
        assert isinstance(call.func, ast.Attribute)
        receiver = call.func.value
        if self._is_text(receiver, scope, depth):
            return True
        if self.scopes.qualified_name(receiver, scope) is not None:
            return False
        if any(keyword.arg not in ("encoding", "errors") for keyword in call.keywords):
            return False
        encoding = call.args[0] if call.args else None
        encoding = next((k.value for k in call.keywords if k.arg == "encoding"), encoding)
        return encoding is not None and _is_codec(encoding)

    def _is_text(self, expr: ast.expr, scope: Scope, depth: int) -> bool:
        if depth > _MAX_DEPTH:
            return False
        if isinstance(expr, ast.Constant):
            return isinstance(expr.value, str)
        if isinstance(expr, ast.JoinedStr):
            return True
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add | ast.Mod):
            return self._is_text(expr.left, scope, depth + 1)
        if isinstance(expr, ast.Name):
            bound = self.scopes.single_value(expr, scope)
            return bound is not None and self._is_text(bound[0], bound[1], depth + 1)
        if not isinstance(expr, ast.Call):
            return False
        if self.scopes.qualified_name(expr.func, scope) in _TEXT_CALLS:
            return True
        func = expr.func
        return (
            isinstance(func, ast.Attribute)
            and func.attr in _TEXT_METHODS
            and self._is_text(func.value, scope, depth + 1)
        )

    def _opened_binary(self, expr: ast.expr, scope: Scope, depth: int) -> bool:
        """`open(path, "rb")`, or a name bound once to such a call (`with open(...) as f`)."""
        if depth > _MAX_DEPTH:
            return False
        if isinstance(expr, ast.Name):
            bound = self.scopes.single_value(expr, scope)
            return bound is not None and self._opened_binary(bound[0], bound[1], depth + 1)
        if not isinstance(expr, ast.Call):
            return False
        if self.scopes.qualified_name(expr.func, scope) not in ("builtins.open", "io.open"):
            return False
        mode = expr.args[1] if len(expr.args) > 1 else None
        mode = next((item.value for item in expr.keywords if item.arg == "mode"), mode)
        return isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" in mode.value

    def _factory(self, expr: ast.expr, scope: Scope, depth: int) -> str | None:
        """The qualified name of the call that made an object: `httpx.AsyncClient` for
        `client` after `async with httpx.AsyncClient() as client`."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, ast.Call):
            return self.scopes.qualified_name(expr.func, scope)
        bound = self.scopes.single_value(expr, scope)
        return self._factory(bound[0], bound[1], depth + 1) if bound is not None else None

    def _instance(self, owner: ast.ClassDef) -> Rejected | None:
        label = self._class_label(owner)
        if label is None:
            return None
        if label == _ENUM:
            return Rejected(Kind.INSTANCE, f"a member of {owner.name} ({label})")
        return Rejected(Kind.INSTANCE, f"an instance of {owner.name} ({label})")

    def _named_class(self, expr: ast.expr, scope: Scope) -> ast.ClassDef | None:
        """The class of the file a name is bound to, when it is bound once, to the class."""
        if not isinstance(expr, ast.Name):
            return None
        bindings = self.scopes.name_bindings(scope, expr.id)
        if bindings is None or len(bindings.bindings) != 1:
            return None
        node = bindings.bindings[0].node
        return node if isinstance(node, ast.ClassDef) else None

    def _class_label(self, owner: ast.ClassDef) -> str | None:
        """`a dataclass`, `a pydantic model`, `an Enum` or `a class of this file`: what the
        class is, when json.dumps rejects its instances; None when it may accept them (a base
        such as `dict`, `str`, `TypedDict`, `NamedTuple`, `IntEnum`, or one it does not know)."""
        if owner not in self._classes:
            self._classes[owner] = None  # a class among its own bases is not evident
            self._classes[owner] = self._label(owner)
        return self._classes[owner]

    def _label(self, owner: ast.ClassDef) -> str | None:
        class_scope = self.scopes.scope_of(owner)
        outer = class_scope.parent if class_scope is not None else None
        if class_scope is None or outer is None or "__new__" in class_scope.bindings:
            return None
        label = _PLAIN_CLASS
        for decorator in owner.decorator_list:
            name = self._decorator_name(decorator, class_scope)
            if name in _DATACLASS_DECORATORS:
                label = "a dataclass"
            elif name not in _NEUTRAL_CLASS_DECORATORS:
                return None
        for keyword in owner.keywords:
            if keyword.arg is None:
                return None
            metaclass = keyword.value if keyword.arg == "metaclass" else None
            if metaclass and self.scopes.qualified_name(metaclass, outer) not in _METACLASSES:
                return None
        for base in owner.bases:
            base_label = self._base_label(base, outer)
            if base_label is None:
                return None
            if base_label != _PLAIN_CLASS:
                label = base_label
        return label

    def _base_label(self, base: ast.expr, scope: Scope) -> str | None:
        node = base.value if isinstance(base, ast.Subscript) else base
        qualified = self.scopes.qualified_name(node, scope)
        if qualified in _PLAIN_BASES:
            return _PLAIN_CLASS
        if qualified in _PYDANTIC_BASES:
            return _PYDANTIC
        if qualified in _ENUM_BASES:
            return _ENUM
        owner = self._named_class(node, scope)
        return self._class_label(owner) if owner is not None else None


def _returned_at(found: Rejected, value: ast.expr) -> Rejected:
    return Rejected(found.kind, found.what, found.through, value)


def _is_codec(expr: ast.expr) -> bool:
    """A string literal that names a text encoding (`"utf-8"`, `"ascii"`)."""
    if not isinstance(expr, ast.Constant) or not isinstance(expr.value, str):
        return False
    try:
        codecs.lookup(expr.value)
    except LookupError:
        return False
    return True


def _may_fall_through(body: list[ast.stmt]) -> bool:
    """Whether running the block can reach its end (and so return `None` from a function)."""
    if not body:
        return True
    last = body[-1]
    if isinstance(last, ast.Return | ast.Raise):
        return False
    if isinstance(last, ast.If):
        return _may_fall_through(last.body) or _may_fall_through(last.orelse)
    if isinstance(last, ast.With | ast.AsyncWith):
        return _may_fall_through(last.body)
    if isinstance(last, ast.Try | ast.TryStar):
        if last.finalbody and not _may_fall_through(last.finalbody):
            return False
        return _may_fall_through(last.body + last.orelse) or any(
            _may_fall_through(handler.body) for handler in last.handlers
        )
    return True
