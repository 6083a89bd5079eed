"""The catalog of non-deterministic sources, by qualified name, the objects they come from,
and the classifier that tells whether a call of workflow code is one.

A source is a call whose result can differ between two calls of the workflow endpoint. Each
entry knows what its result is, so that the wrap-in-a-step fix can tell whether the result
survives the JSON round trip that step results go through.
"""

from __future__ import annotations

import ast
import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from wfcheck.model.cached import cached_property
from wfcheck.model.concurrent_steps import StepCounter
from wfcheck.model.imported import NO_IMPORTS, ImportedFacts
from wfcheck.model.nodes import call_arguments, last_name
from wfcheck.model.scopes import (
    FunctionNode,
    Scope,
    ScopeKind,
    ScopeTree,
    is_getter,
    is_static,
    positional_parameters,
)
from wfcheck.model.workflows import Workflows
from wfcheck.project.summaries import FunctionSummary, ReadLocation, function_id
from wfcheck.settings import DetectionSettings


class SourceKind(enum.Enum):
    CLOCK = "clock"
    RANDOMNESS = "randomness"
    IO = "io"


class ResultKind(enum.Enum):
    """What a source returns, for the JSON round trip of a step result."""

    JSON = "json"  # numbers, strings, booleans: survive json.dumps as they are
    UNKNOWN = "unknown"  # not known; the fix is offered (it is unsafe in any case)
    DATETIME = "datetime"  # round trip through isoformat()/datetime.fromisoformat()
    DATE = "date"  # round trip through isoformat()/date.fromisoformat()
    UUID = "uuid"  # round trip through str()/UUID()
    BYTES = "bytes"  # round trip through hex()/bytes.fromhex()
    NOT_SERIALIZABLE = "not-serializable"  # no known round trip: no fix


@dataclass(frozen=True)
class SourceSpec:
    kind: SourceKind
    result: ResultKind
    # The source only without positional arguments (`time.localtime()` but not `localtime(t)`).
    max_args: int | None = None
    # For a call of a function of the file that reads a source: the functions it goes through
    # and the source (`("current_window", "time.time")`), and where the source is read.
    through: tuple[str, ...] = ()
    read_at: ast.Call | None = None
    # For a source read in another module of the project: where, and the functions of the
    # chain (`Reading.functions`).
    read_elsewhere: ReadLocation | None = None
    functions: tuple[str, ...] = ()

    def chain(self) -> str:
        """`current_window() -> time.time`, `load() -> app/db.py:12 session.get`."""
        *functions, source = self.through
        if self.read_elsewhere is not None:
            source = f"{self.read_elsewhere.display} {source}"
        return " -> ".join([*(f"{name}()" for name in functions), source])


def _specs(
    kind: SourceKind, result: ResultKind, *names: str, max_args: int | None = None
) -> dict[str, SourceSpec]:
    return {name: SourceSpec(kind, result, max_args) for name in names}


_CLOCK, _RANDOM, _IO = SourceKind.CLOCK, SourceKind.RANDOMNESS, SourceKind.IO
_JSON, _UNKNOWN, _NO = ResultKind.JSON, ResultKind.UNKNOWN, ResultKind.NOT_SERIALIZABLE

_RANDOM_FUNCTIONS = {
    **_specs(
        _RANDOM,
        _JSON,
        "random",
        "uniform",
        "triangular",
        "betavariate",
        "binomialvariate",
        "expovariate",
        "gammavariate",
        "gauss",
        "lognormvariate",
        "normalvariate",
        "vonmisesvariate",
        "paretovariate",
        "weibullvariate",
        "randint",
        "randrange",
        "getrandbits",
    ),
    **_specs(_RANDOM, _UNKNOWN, "choice", "choices", "sample"),
    **_specs(_RANDOM, _NO, "shuffle"),
    **_specs(_RANDOM, ResultKind.BYTES, "randbytes"),
}

FUNCTION_SOURCES: dict[str, SourceSpec] = {
    **_specs(
        _CLOCK,
        ResultKind.DATETIME,
        "datetime.datetime.now",
        "datetime.datetime.utcnow",
        "datetime.datetime.today",
        "django.utils.timezone.now",
    ),
    **_specs(_CLOCK, ResultKind.DATE, "datetime.date.today"),
    **_specs(
        _CLOCK,
        _JSON,
        "time.time",
        "time.time_ns",
        "time.monotonic",
        "time.monotonic_ns",
        "time.perf_counter",
        "time.perf_counter_ns",
        "time.process_time",
        "time.process_time_ns",
    ),
    **_specs(_CLOCK, _JSON, "time.ctime", "time.asctime", max_args=0),
    **_specs(_CLOCK, _NO, "time.localtime", "time.gmtime", max_args=0),
    **_specs(_CLOCK, _JSON, "time.strftime", max_args=1),
    **_specs(
        _CLOCK,
        _NO,
        "arrow.now",
        "arrow.utcnow",
        "arrow.Arrow.now",
        "arrow.Arrow.utcnow",
        "pendulum.now",
        "pendulum.today",
        "pendulum.tomorrow",
        "pendulum.yesterday",
    ),
    **_specs(_CLOCK, _NO, "django.utils.timezone.localtime", max_args=0),
    **{f"random.{name}": spec for name, spec in _RANDOM_FUNCTIONS.items()},
    **_specs(_RANDOM, _JSON, "secrets.token_hex", "secrets.token_urlsafe"),
    **_specs(_RANDOM, _JSON, "secrets.randbelow", "secrets.randbits"),
    **_specs(_RANDOM, ResultKind.BYTES, "secrets.token_bytes", "os.urandom", "os.getrandom"),
    **_specs(_RANDOM, _UNKNOWN, "secrets.choice"),
    **_specs(_RANDOM, ResultKind.UUID, "uuid.uuid1", "uuid.uuid4", "uuid.uuid6", "uuid.uuid7"),
    **_specs(_IO, _NO, "builtins.open", "io.open", "sqlite3.connect", "urllib.request.urlopen"),
    **_specs(_IO, _NO, "urllib.request.urlretrieve", "os.popen"),
    **_specs(_IO, _JSON, "os.system"),
    **_specs(
        _IO,
        _NO,
        *(
            f"{module}.{method}"
            for module in ("requests", "httpx")
            for method in ("get", "post", "put", "patch", "delete", "head", "options", "request")
        ),
        "httpx.stream",
        "aiohttp.request",
    ),
    **_specs(
        _IO,
        _NO,
        "subprocess.run",
        "subprocess.call",
        "subprocess.check_call",
        "subprocess.check_output",
        "subprocess.Popen",
        "subprocess.getoutput",
        "subprocess.getstatusoutput",
    ),
    **_specs(_IO, _JSON, "socket.gethostname", "socket.getfqdn", "socket.gethostbyname"),
}

# Functions of `socket` that convert values and touch neither the network nor the host's
# state; every other function of the module is I/O.
_SOCKET_CONVERSIONS = frozenset(
    {"htons", "htonl", "ntohs", "ntohl", "inet_aton", "inet_ntoa", "inet_pton", "inet_ntop"}
    | {"getdefaulttimeout", "setdefaulttimeout", "has_ipv6", "CMSG_LEN", "CMSG_SPACE"}
)

# numpy.random functions that seed or build generators rather than draw numbers.
_NUMPY_RANDOM_NOT_SOURCES = frozenset(
    {
        "seed",
        "default_rng",
        "RandomState",
        "Generator",
        "SeedSequence",
        "BitGenerator",
        "PCG64",
        "PCG64DXSM",
        "MT19937",
        "Philox",
        "SFC64",
        "get_state",
        "set_state",
    }
)


def function_source(qualified_name: str, call: ast.Call) -> SourceSpec | None:
    spec = FUNCTION_SOURCES.get(qualified_name)
    if spec is None:
        module, _, name = qualified_name.rpartition(".")
        if module == "numpy.random" and name not in _NUMPY_RANDOM_NOT_SOURCES:
            return SourceSpec(_RANDOM, _NO)
        if module == "socket" and name[:1].islower() and name not in _SOCKET_CONVERSIONS:
            return SourceSpec(_IO, _NO)
        return None
    if spec.max_args is not None and _given_arguments(call) > spec.max_args:
        return None  # `time.gmtime(ts)`: converts the time it is given
    return spec


def _given_arguments(call: ast.Call) -> int:
    """The positional arguments of a call; `None` stands for "now" (`time.localtime(None)`)."""
    return sum(
        not (isinstance(argument, ast.Constant) and argument.value is None)
        for argument in call.args
    )


class Origin(enum.Enum):
    """What kind of object an expression evaluates to, where it matters for sources."""

    CACHE_CLIENT = "cache-client"  # Redis: its calls are I/O returning strings and numbers
    CLIENT = "client"  # a database, cloud, HTTP, queue or model API client: its calls are I/O
    # returning objects that json.dumps rejects (rows, responses)
    PIPELINE = "pipeline"  # a Redis pipeline: it queues commands until `execute()`/`exec()`
    PATH = "path"  # a pathlib path: its read and write methods are I/O
    RANDOM = "random"  # an unseeded random generator: its draws are randomness
    LOGGER = "logger"  # its calls only log


# Classes whose instances are clients: made by calling the class (or one of its alternative
# constructors, `Redis.from_env()`), or declared by annotating a parameter or an attribute.
CACHE_CLIENT_CLASSES = frozenset(
    {
        "redis.Redis",
        "redis.StrictRedis",
        "redis.client.Redis",
        "redis.asyncio.Redis",
        "redis.asyncio.StrictRedis",
        "redis.asyncio.client.Redis",
        "upstash_redis.Redis",
        "upstash_redis.asyncio.Redis",
    }
)
CLIENT_CLASSES = frozenset(
    {
        "sqlalchemy.Engine",
        "sqlalchemy.engine.Engine",
        "sqlalchemy.Connection",
        "sqlalchemy.engine.Connection",
        "sqlalchemy.orm.Session",
        "sqlalchemy.orm.session.Session",
        "sqlalchemy.orm.sessionmaker",
        "sqlalchemy.orm.scoped_session",
        "sqlalchemy.ext.asyncio.AsyncEngine",
        "sqlalchemy.ext.asyncio.AsyncConnection",
        "sqlalchemy.ext.asyncio.AsyncSession",
        "sqlalchemy.ext.asyncio.async_sessionmaker",
        "sqlalchemy.ext.asyncio.async_scoped_session",
        "sqlmodel.Session",
        "sqlmodel.ext.asyncio.session.AsyncSession",
        "sqlite3.Connection",
        "sqlite3.Cursor",
        "psycopg.Connection",
        "psycopg.AsyncConnection",
        "asyncpg.Connection",
        "asyncpg.Pool",
        "asyncpg.pool.Pool",
        "pymongo.MongoClient",
        "motor.motor_asyncio.AsyncIOMotorClient",
        "boto3.session.Session",
        "boto3.Session",
        "botocore.client.BaseClient",
        "qstash.QStash",
        "qstash.AsyncQStash",
        "requests.Session",
        "httpx.Client",
        "httpx.AsyncClient",
        "aiohttp.ClientSession",
        "openai.OpenAI",
        "openai.AsyncOpenAI",
        "openai.AzureOpenAI",
        "openai.AsyncAzureOpenAI",
        "anthropic.Anthropic",
        "anthropic.AsyncAnthropic",
    }
)
_ALTERNATIVE_CONSTRUCTORS = frozenset({"from_url", "from_env", "from_pool", "connect"})
_CACHE_CLIENT_FUNCTIONS = frozenset({"redis.from_url", "redis.asyncio.from_url"})
CLIENT_FACTORIES = CLIENT_CLASSES | frozenset(
    {
        "sqlalchemy.create_engine",
        "sqlalchemy.engine.create_engine",
        "sqlalchemy.ext.asyncio.create_async_engine",
        "sqlmodel.create_engine",
        "sqlite3.connect",
        "psycopg2.connect",
        "psycopg.connect",
        "pymysql.connect",
        "mysql.connector.connect",
        "asyncpg.connect",
        "asyncpg.create_pool",
        "boto3.client",
        "boto3.resource",
        "requests.session",
    }
)
# Methods of clients that build another client-like object without a round trip to a server
# (a client or resource of a boto3 session, a cursor, a query, a table handle); calls on what
# they return are I/O again. A method named like a class (`dynamodb.Table("orders")`,
# `s3.Bucket(name)`) builds one too.
CLIENT_BUILDER_METHODS = frozenset(
    {"client", "resource", "get_paginator", "get_waiter", "cursor", "get_database"}
    | {"get_collection", "query", "filter", "filter_by", "join", "outerjoin", "where"}
    | {"order_by", "group_by", "having", "limit", "offset", "options", "distinct"}
    | {"select_from", "execution_options"}
)
# Methods of clients that open a connection, session or transaction: I/O, and their result is
# a client (`engine.connect()`, `session.begin()`).
CLIENT_CONNECTING_METHODS = frozenset(
    {"connect", "begin", "begin_nested", "session", "acquire", "connection", "raw_connection"}
)
# Attributes of clients that hold plain settings, not another client (`http.headers.update()`).
_CLIENT_SETTINGS_ATTRIBUTES = frozenset({"headers", "cookies", "params"})
PIPELINE_IO_METHODS = frozenset({"execute", "exec"})


def is_client_builder(method: str) -> bool:
    return method in CLIENT_BUILDER_METHODS or method[:1].isupper()


PATH_CLASSES = frozenset({"pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath"})
# `Path.home()`, `Path.cwd()`: the paths they return are paths like any other.
_PATH_FACTORIES = PATH_CLASSES | frozenset(
    f"{path_class}.{method}" for path_class in PATH_CLASSES for method in ("home", "cwd")
)
# Path methods that return another path (`.resolve()`, `.with_suffix(".txt")`).
PATH_DERIVING_METHODS = frozenset(
    {"joinpath", "with_name", "with_stem", "with_suffix", "with_segments", "absolute"}
    | {"expanduser", "resolve", "relative_to"}
)
PATH_IO_METHODS = {
    "read_text": _JSON,
    "read_bytes": ResultKind.BYTES,
    "write_text": _JSON,
    "write_bytes": _JSON,
    "exists": _JSON,
    "is_file": _JSON,
    "is_dir": _JSON,
    "is_symlink": _JSON,
    "is_mount": _JSON,
    "samefile": _JSON,
    "open": _NO,
    "stat": _NO,
    "lstat": _NO,
    "owner": _JSON,
    "group": _JSON,
    "readlink": _NO,
    "iterdir": _NO,
    "glob": _NO,
    "rglob": _NO,
    "walk": _NO,
    "touch": _JSON,
    "unlink": _JSON,
    "mkdir": _JSON,
    "rmdir": _JSON,
    "chmod": _JSON,
    "symlink_to": _JSON,
    "hardlink_to": _JSON,
    "rename": _NO,
    "replace": _NO,
}

# Generators that draw from the OS or an unseeded state; seeded with an argument they are not.
_ALWAYS_RANDOM_CLASSES = frozenset({"random.SystemRandom", "secrets.SystemRandom"})
_UNSEEDED_RANDOM_CLASSES = frozenset(
    {"random.Random", "numpy.random.default_rng", "numpy.random.RandomState"}
)
_RANDOM_STATE_METHODS = frozenset({"seed", "getstate", "setstate"})

LOGGER_FACTORIES = frozenset(
    {"logging.getLogger", "structlog.get_logger", "structlog.getLogger"}
    | {"structlog.stdlib.get_logger", "structlog.wrap_logger"}
)
LOGGER_OBJECTS = frozenset({"logging", "loguru.logger", "logging.root"})
_LOGGER_CLASSES = frozenset(
    {"logging.Logger", "logging.LoggerAdapter", "loguru.Logger", "structlog.BoundLogger"}
    | {"structlog.stdlib.BoundLogger", "structlog.typing.FilteringBoundLogger"}
)
LOGGING_METHODS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"}
    | {"msg", "trace", "success"}  # structlog's `msg`, loguru's levels
    | {"adebug", "ainfo", "awarning", "aerror", "aexception", "acritical", "afatal", "alog"}
)
# Methods of loggers that return a logger: `getChild`, structlog's `bind`, loguru's `opt`.
_LOGGER_DERIVING_METHODS = frozenset(
    {"getChild", "bind", "new", "unbind", "try_unbind", "opt", "patch"}
)


def random_method_source(method: str) -> SourceSpec | None:
    spec = _RANDOM_FUNCTIONS.get(method)
    if spec is not None:
        return spec
    if method.startswith("_") or method in _RANDOM_STATE_METHODS:
        return None
    return SourceSpec(_RANDOM, _NO)


# Objects whose method calls are I/O.
CLIENT_ORIGINS = (Origin.CLIENT, Origin.CACHE_CLIENT, Origin.PIPELINE)


@dataclass
class _Attribute:
    """What the code of a class stores into one attribute of its instances: `self.db = value`
    in a method, `db = value` or `db: Redis` in the class body."""

    values: list[tuple[ast.expr, Scope]] = field(default_factory=list)
    annotations: list[tuple[ast.expr, Scope]] = field(default_factory=list)
    unfollowed: bool = False  # also stored by a form whose value is not followed (`+=`, tuples)


class Origins:
    """Finds what an expression evaluates to, following the bindings of names, the
    annotations of parameters and the attributes that the methods of a class store."""

    _MAX_DEPTH = 12
    _MAX_BASES = 4

    def __init__(
        self,
        scopes: ScopeTree,
        is_context: Callable[[ast.expr, Scope], bool],
        imported: ImportedFacts = NO_IMPORTS,
    ) -> None:
        self.scopes = scopes
        self.is_context = is_context
        self.imported = imported
        # By the id of a bound value, and of a name's tuple of values (`bound_values` gives the
        # same tuple for every use of a name) or of its list of bindings (the scope keeps it):
        # each is resolved once.
        self._cache: dict[int, Origin | None] = {}
        self._name_cache: dict[int, Origin | None] = {}
        self._pending: set[int] = set()  # the values being resolved (a cycle comes back to one)
        self._annotations: dict[ast.expr, Origin | None] = {}
        self._class_attributes: dict[ast.ClassDef, dict[str, _Attribute]] = {}
        self._attribute_cache: dict[tuple[ast.ClassDef, str], Origin | None] = {}
        self._owners: dict[int, ast.ClassDef | None] = {}  # by the id of a name's bindings
        self._calls: dict[ast.Call, Origin | None] = {}

    def of(self, expr: ast.expr, scope: Scope, depth: int = 0) -> Origin | None:
        if depth > self._MAX_DEPTH:
            return None
        if isinstance(expr, ast.Await):
            return self.of(expr.value, scope, depth + 1)
        if isinstance(expr, ast.Call):
            if expr in self._calls:
                return self._calls[expr]
            origin = self._of_call(expr, scope, depth)
            if depth == 0 and not self._pending:  # final: not cut short, nothing pending
                self._calls[expr] = origin
            return origin
        if isinstance(expr, ast.Name | ast.Attribute) and self.imported.reads_modules:
            held = self._imported(expr, scope)
            if held is not None:
                return held
        if isinstance(expr, ast.Name):
            return self._of_name(expr, scope, depth)
        if isinstance(expr, ast.Attribute):
            return self._of_attribute(expr, scope, depth)
        if isinstance(expr, ast.Subscript):
            return self._of_subscript(expr, scope, depth)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):  # `base / "name"`
            operands = (expr.left, expr.right)
            is_path = any(self.of(side, scope, depth + 1) is Origin.PATH for side in operands)
            return Origin.PATH if is_path else None
        return None

    def _imported(self, expr: ast.Name | ast.Attribute, scope: Scope) -> Origin | None:
        """What a module-level name of another module of the project holds (`redis_client`
        in `from app.clients import redis_client`)."""
        qualified = self.scopes.qualified_name(expr, scope)
        held = self.imported.origin(qualified) if qualified is not None else None
        return Origin(held) if held is not None else None

    def module_origins(self) -> dict[str, str]:
        """The module-level names whose objects are of a kind that matters (for the module's
        summary)."""
        found: dict[str, str] = {}
        for name, values in self.scopes.module_values():
            origin = self._combined(values, (), 0)
            if origin is not None:
                found[name] = origin.value
        return found

    def _of_subscript(self, expr: ast.Subscript, scope: Scope, depth: int) -> Origin | None:
        """`mongo["shop"]["orders"]`, and `path.parents[1]`."""
        value = expr.value
        if isinstance(value, ast.Attribute) and value.attr == "parents":
            receiver = self.of(value.value, scope, depth + 1)
            return Origin.PATH if receiver is Origin.PATH else None
        receiver = self.of(value, scope, depth + 1)
        return receiver if receiver is Origin.CLIENT else None

    def _of_attribute(self, expr: ast.Attribute, scope: Scope, depth: int) -> Origin | None:
        if expr.attr == "qstash_client" and self.is_context(expr.value, scope):
            return Origin.CLIENT
        owner = self._owner(expr.value, scope)
        if owner is not None:  # `self.db`: what the class stores there
            return self._of_stored(owner, expr.attr, depth)
        receiver = self.of(expr.value, scope, depth + 1)
        if receiver in (Origin.CLIENT, Origin.CACHE_CLIENT):
            return receiver if expr.attr not in _CLIENT_SETTINGS_ATTRIBUTES else None
        return Origin.PATH if receiver is Origin.PATH and expr.attr == "parent" else None

    def _of_name(self, expr: ast.Name, scope: Scope, depth: int) -> Origin | None:
        if self.scopes.qualified_name(expr, scope) in LOGGER_OBJECTS:
            return Origin.LOGGER
        values = self.scopes.bound_values(expr, scope)
        if values is None:
            return self._of_parameter(expr, scope, depth)
        if id(values) in self._name_cache:
            return self._name_cache[id(values)]
        origin = self._combined(values, (), depth)
        if self._pending.isdisjoint(id(value) for value, _ in values):
            self._name_cache[id(values)] = origin  # final: no value was still being resolved
        return origin

    def _of_parameter(self, expr: ast.Name, scope: Scope, depth: int) -> Origin | None:
        """A parameter annotated with a known class (`path: Path`, `db: Redis | None`), also
        when the function binds the name again (`path = path.resolve()`)."""
        bindings = self.scopes.name_bindings(scope, expr.id)
        if bindings is None or not bindings.parameters:
            return None
        key = id(bindings.bindings)
        if key in self._name_cache:
            return self._name_cache[key]
        values: list[tuple[ast.expr, Scope]] = []
        annotations: list[tuple[ast.expr, Scope]] = []
        followed = True
        for binding in bindings.bindings:
            parameter = binding.node
            if isinstance(parameter, ast.arg):
                annotation = _single_annotation(parameter, binding.scope)
                if annotation is None:
                    followed = False
                    break
                annotations.append((annotation, binding.scope.parent or binding.scope))
            elif binding.value is not None:
                values.append((binding.value, binding.scope))
            elif not binding.is_none_placeholder:
                followed = False
                break
        origin = self._combined(values, annotations, depth) if followed else None
        if self._pending.isdisjoint(id(value) for value, _ in values):
            self._name_cache[key] = origin
        return origin

    def _combined(
        self,
        values: Iterable[tuple[ast.expr, Scope]],
        annotations: Iterable[tuple[ast.expr, Scope]],
        depth: int,
    ) -> Origin | None:
        """The origin of a name or an attribute, when every value bound to it and every class
        it is declared with have the same one."""
        origins = {self._of_annotation(annotation, scope) for annotation, scope in annotations}
        for value, value_scope in values:
            key = id(value)
            if key in self._pending:
                # A cycle (`path = path.resolve()`): the other values decide, and the value is
                # resolved from what they give (`x = x.child()` alone resolves to nothing).
                continue
            if key not in self._cache:
                self._cache[key] = None
                self._pending.add(key)
                self._cache[key] = self.of(value, value_scope, depth + 1)
                self._pending.discard(key)
            origins.add(self._cache[key])
        return origins.pop() if len(origins) == 1 else None

    def _of_annotation(self, annotation: ast.expr, scope: Scope) -> Origin | None:
        if annotation not in self._annotations:
            declared = _declared_class(annotation)
            qualified = self.scopes.qualified_name(declared, scope) if declared else None
            self._annotations[annotation] = _origin_of_class(qualified) if qualified else None
        return self._annotations[annotation]

    def _owner(self, expr: ast.expr, scope: Scope) -> ast.ClassDef | None:
        """The class of the file that `expr` is an instance of (`self`, `svc = Service()`),
        worked out once per name's bindings."""
        if isinstance(expr, ast.Call):
            return self.scopes.class_of(expr, scope)
        bindings = self.scopes.name_bindings(scope, expr.id) if isinstance(expr, ast.Name) else None
        if bindings is None:
            return None
        key = id(bindings.bindings)
        if key not in self._owners:
            self._owners[key] = self.scopes.class_of(expr, scope)
        return self._owners[key]

    def _of_stored(self, owner: ast.ClassDef, attribute: str, depth: int) -> Origin | None:
        key = (owner, attribute)
        if key in self._attribute_cache:
            return self._attribute_cache[key]
        stored = self._attributes(owner).get(attribute)
        if stored is None or stored.unfollowed:
            origin = None
        else:
            origin = self._combined(stored.values, stored.annotations, depth)
        if stored is None or self._pending.isdisjoint(id(value) for value, _ in stored.values):
            self._attribute_cache[key] = origin
        return origin

    def _attributes(self, owner: ast.ClassDef) -> dict[str, _Attribute]:
        """The attributes that a class of the file and its bases in the file store (once per
        class: every statement of its body and methods is read once)."""
        if owner not in self._class_attributes:
            attributes: dict[str, _Attribute] = {}
            self._class_attributes[owner] = attributes
            self._collect_attributes(owner, attributes, {owner}, self._MAX_BASES)
        return self._class_attributes[owner]

    def _collect_attributes(
        self,
        owner: ast.ClassDef,
        attributes: dict[str, _Attribute],
        seen: set[ast.ClassDef],
        bases: int,
    ) -> None:
        class_scope = self.scopes.scope_of(owner)
        if class_scope is None:
            return
        for statement in class_scope.statements:
            _record_stores(statement, None, class_scope, attributes)
        for method_scope in class_scope.children:
            method = method_scope.node
            if not isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef) or is_static(method):
                continue
            parameters = positional_parameters(method.args)
            for statement in method_scope.statements if parameters else ():
                _record_stores(statement, parameters[0].arg, method_scope, attributes)
        outer = class_scope.parent or self.scopes.module
        for base in owner.bases if bases else ():
            base_class = self.scopes.class_of(base, outer)
            if base_class is not None and base_class not in seen:
                seen.add(base_class)
                self._collect_attributes(base_class, attributes, seen, bases - 1)

    def _of_call(self, call: ast.Call, scope: Scope, depth: int) -> Origin | None:
        func = call.func
        qualified = self.scopes.qualified_name(func, scope)
        if qualified == "contextlib.closing" and call.args:
            return self.of(call.args[0], scope, depth + 1)
        if qualified is not None:
            origin = _origin_of_factory(qualified, call) or self._imported_call(qualified)
            owner_name, _, method = qualified.rpartition(".")
            if origin is None and owner_name in LOGGER_OBJECTS:  # loguru's `logger.bind(...)`
                origin = _method_result(Origin.LOGGER, method)
            return origin
        if isinstance(func, ast.Attribute):
            owner = self._owner(func.value, scope)
            if owner is not None:  # `self.session_factory()` holding a `sessionmaker`
                stored = self._of_stored(owner, func.attr, depth)
                return Origin.CLIENT if stored is Origin.CLIENT else None
            return _method_result(self.of(func.value, scope, depth + 1), func.attr)
        # `SessionLocal()` where `SessionLocal = sessionmaker(...)`.
        if isinstance(func, ast.Name) and self.of(func, scope, depth + 1) is Origin.CLIENT:
            return Origin.CLIENT
        return None

    def _imported_call(self, qualified: str) -> Origin | None:
        """A call of a module-level object of another module of the project: its session
        factory (`SessionLocal()`), or a method of its client (`redis_client.pipeline()`)."""
        if not self.imported.reads_modules:
            return None
        if self.imported.origin(qualified) == Origin.CLIENT.value:
            return Origin.CLIENT
        owner, _, method = qualified.rpartition(".")
        held = self.imported.origin(owner) if owner else None
        return _method_result(Origin(held), method) if held is not None else None


def _single_annotation(parameter: ast.arg, function_scope: Scope) -> ast.expr | None:
    """The annotation of a parameter that holds one object (not `*args`, `**kwargs`)."""
    function = function_scope.node
    arguments = function.args if isinstance(function, _FUNCTION_NODES) else None
    if arguments is None or parameter in (arguments.vararg, arguments.kwarg):
        return None
    return parameter.annotation


_FUNCTION_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_UNIONS = frozenset({"Optional", "Union"})
_WRAPPERS = frozenset({"Annotated", "ClassVar", "Final"})  # the class is the first element


def _declared_class(annotation: ast.expr) -> ast.expr | None:
    """The class an annotation declares: `Redis`, `"Redis"`, `Redis | None`, `Optional[Redis]`,
    `Annotated[Session, Depends(db)]`, `Redis[str]`; None for a union of several classes."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            annotation = ast.parse(annotation.value.strip(), mode="eval").body
        except SyntaxError:
            return None
    members = [
        member
        for member in _union_members(annotation)
        if not (isinstance(member, ast.Constant) and member.value is None)
    ]
    if len(members) != 1:
        return None
    declared = members[0]
    return declared.value if isinstance(declared, ast.Subscript) else declared


def _union_members(annotation: ast.expr) -> Iterator[ast.expr]:
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        yield from _union_members(annotation.left)
        yield from _union_members(annotation.right)
        return
    wrapper = last_name(annotation.value) if isinstance(annotation, ast.Subscript) else None
    if isinstance(annotation, ast.Subscript) and (wrapper in _UNIONS or wrapper in _WRAPPERS):
        inner = annotation.slice
        elements = inner.elts if isinstance(inner, ast.Tuple) else [inner]
        if wrapper in _WRAPPERS:
            elements = elements[:1]
        for element in elements:
            yield from _union_members(element)
        return
    yield annotation


def _record_stores(
    statement: ast.stmt, receiver: str | None, scope: Scope, attributes: dict[str, _Attribute]
) -> None:
    """Record `receiver.x = value` (`self.x` in a method), or `x = value` in the class body
    (receiver None), into `attributes`."""
    value: ast.expr | None
    if isinstance(statement, ast.Assign):
        targets, value, annotation = statement.targets, statement.value, None
    elif isinstance(statement, ast.AnnAssign):
        targets, value, annotation = [statement.target], statement.value, statement.annotation
    elif isinstance(statement, ast.AugAssign):
        targets, value, annotation = [statement.target], None, None
    else:
        return
    for target in targets:
        for attribute, whole in _stored_attributes(target, receiver):
            stored = attributes.setdefault(attribute, _Attribute())
            if annotation is not None:
                stored.annotations.append((annotation, scope))
            elif whole and value is not None:
                stored.values.append((value, scope))
            else:
                stored.unfollowed = True


def _stored_attributes(target: ast.expr, receiver: str | None) -> Iterator[tuple[str, bool]]:
    """The attributes an assignment target stores into, each with whether it receives the
    whole value (not an element of a tuple)."""
    if isinstance(target, ast.Tuple | ast.List):
        for element in target.elts:
            for attribute, _ in _stored_attributes(element, receiver):
                yield attribute, False
    elif isinstance(target, ast.Starred):
        for attribute, _ in _stored_attributes(target.value, receiver):
            yield attribute, False
    elif receiver is None and isinstance(target, ast.Name):
        yield target.id, True
    elif (
        receiver is not None
        and isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == receiver
    ):
        yield target.attr, True


def _method_result(receiver: Origin | None, method: str) -> Origin | None:
    """What a method of an object of that origin returns, where it matters."""
    if receiver is Origin.CACHE_CLIENT:
        return Origin.PIPELINE if method == "pipeline" else None
    if receiver is Origin.CLIENT:
        deriving = is_client_builder(method) or method in CLIENT_CONNECTING_METHODS
        return Origin.CLIENT if deriving else None
    if receiver is Origin.PIPELINE:
        return receiver  # `pipe.set(...).incr(...)` chains on the pipeline
    if receiver is Origin.PATH and method in PATH_DERIVING_METHODS:
        return Origin.PATH
    if receiver is Origin.LOGGER and method in _LOGGER_DERIVING_METHODS:
        return Origin.LOGGER
    return None


def _origin_of_class(qualified: str) -> Origin | None:
    """The origin of an instance of a class, for a call of the class or an annotation."""
    if qualified in CACHE_CLIENT_CLASSES:
        return Origin.CACHE_CLIENT
    if qualified in CLIENT_CLASSES or _is_boto3_stub(qualified):
        return Origin.CLIENT
    if qualified in PATH_CLASSES:
        return Origin.PATH
    if qualified in _ALWAYS_RANDOM_CLASSES:
        return Origin.RANDOM
    if qualified in _LOGGER_CLASSES:
        return Origin.LOGGER
    return None


def _is_boto3_stub(qualified: str) -> bool:
    """`mypy_boto3_s3.S3Client`, `mypy_boto3_dynamodb.service_resource.Table`: the classes that
    type boto3's clients and resources."""
    package, _, rest = qualified.partition(".")
    if not package.startswith(_BOTO3_STUB_PACKAGES) or not rest:
        return False
    return rest.startswith("service_resource.") or rest.endswith(("Client", "ServiceResource"))


_BOTO3_STUB_PACKAGES = ("mypy_boto3_", "types_boto3_", "types_aiobotocore_")


def _origin_of_factory(qualified: str, call: ast.Call) -> Origin | None:
    origin = _origin_of_class(qualified)
    if origin is not None:
        return origin
    owner, _, name = qualified.rpartition(".")
    if name in _ALTERNATIVE_CONSTRUCTORS:  # `Redis.from_env()`
        origin = _origin_of_class(owner)
        if origin in (Origin.CLIENT, Origin.CACHE_CLIENT):
            return origin
    if qualified in _CACHE_CLIENT_FUNCTIONS:
        return Origin.CACHE_CLIENT
    if qualified in CLIENT_FACTORIES:
        return Origin.CLIENT
    if qualified in _PATH_FACTORIES:
        return Origin.PATH
    unseeded = not call.keywords and _given_arguments(call) == 0
    if qualified in _UNSEEDED_RANDOM_CLASSES and unseeded:
        return Origin.RANDOM
    if qualified in LOGGER_FACTORIES:
        return Origin.LOGGER
    return None


def is_logging_call(call: ast.Call, origins: Origins, scope: Scope) -> bool:
    """`print()`, `logging.info()`, `warning()`, `logger.error()`: calls that only log."""
    func = call.func
    qualified = origins.scopes.qualified_name(func, scope)
    if qualified is not None:
        owner, _, method = qualified.rpartition(".")
        return qualified == "builtins.print" or (
            owner in LOGGER_OBJECTS and method in LOGGING_METHODS
        )
    return (
        isinstance(func, ast.Attribute)
        and func.attr in LOGGING_METHODS
        and origins.of(func.value, scope) is Origin.LOGGER
    )


def describe_callee(func: ast.expr) -> str:
    """`datetime.now`, `session.query(...).all`: the callee as a reader recognises it."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return f"{describe_callee(func.value)}.{func.attr}"
    if isinstance(func, ast.Call):
        return f"{describe_callee(func.func)}(...)"
    if isinstance(func, ast.Subscript):
        return f"{describe_callee(func.value)}[...]"
    return "(...)"


_ASYNC_SLEEPS = frozenset({"asyncio.sleep", "anyio.sleep", "trio.sleep"})
_IO_UNKNOWN = SourceSpec(SourceKind.IO, ResultKind.UNKNOWN)
_IO_NOT_SERIALIZABLE = SourceSpec(SourceKind.IO, ResultKind.NOT_SERIALIZABLE)


class SourceClassifier:
    """Decides whether a call in workflow code is a non-deterministic source."""

    def __init__(
        self,
        scopes: ScopeTree,
        origins: Origins,
        workflows: Workflows,
        detection: DetectionSettings,
        *,
        declared_deterministic: frozenset[FunctionNode] = frozenset(),
        declared_nondeterministic: frozenset[FunctionNode] = frozenset(),
    ) -> None:
        self.scopes = scopes
        self.origins = origins
        self.workflows = workflows
        self.detection = detection
        # Functions whose `def` line says `# wfcheck: deterministic`.
        self.declared_deterministic = declared_deterministic
        # The file's functions that `nondeterministic-functions` names.
        self.declared_nondeterministic = declared_nondeterministic
        self._classified: dict[tuple[ast.Call, bool], SourceSpec | None] = {}
        self._readings: dict[FunctionNode, SourceSpec | None] = {}
        # One per function: it lists the function's calls and loops once.
        self._step_counters: dict[Scope, StepCounter] = {}

    def classify(self, call: ast.Call, scope: Scope, awaited: bool) -> SourceSpec | None:
        key = (call, awaited)
        if key not in self._classified:
            self._classified[key] = self._classify(call, scope, awaited)
        return self._classified[key]

    def _classify(self, call: ast.Call, scope: Scope, awaited: bool) -> SourceSpec | None:
        if self.workflows.step_call(call) or self.workflows.helper_call(call):
            return None
        if self.declared_deterministic or self.declared_nondeterministic:
            function = self.scopes.resolve_function(call.func, scope)
            if function in self.declared_deterministic:
                return None
            if function in self.declared_nondeterministic:
                return _IO_UNKNOWN
        qualified = self.scopes.qualified_name(call.func, scope)
        if qualified is not None and qualified in self.detection.deterministic_functions:
            return None
        if qualified is not None and qualified in self.detection.nondeterministic_functions:
            return _IO_UNKNOWN
        imported = self.workflows.imported_function(call.func, scope)
        if imported is not None:
            return self._imported_reading(call, imported[0])
        if qualified is not None:
            spec = function_source(qualified, call)
            if spec is None and self.workflows.imported.reads_modules:
                spec = self._method_source(call, scope)  # a client of another module
        else:
            spec = self._method_source(call, scope) or self._function_reading(call, scope)
        if spec is None and awaited and self._awaited_call_is_io(call, scope, qualified):
            return _IO_UNKNOWN
        return spec

    def _imported_reading(self, call: ast.Call, summary: FunctionSummary) -> SourceSpec | None:
        """The source a project function reads, unless its own module reports it (a workflow
        helper there, called here with the context)."""
        reading = summary.reading
        if reading is None or summary.is_deterministic:
            return None
        if summary.checked_in_own_module and self.workflows.project_call(call) is not None:
            return None
        return SourceSpec(
            reading.kind,
            ResultKind.UNKNOWN,
            through=reading.through,
            read_elsewhere=reading.location,
            functions=reading.functions,
        )

    def _function_reading(self, call: ast.Call, scope: Scope) -> SourceSpec | None:
        """A call of a function of the file that reads a source, directly or through others."""
        function = self.scopes.resolve_function(call.func, scope)
        return self.reading_of(function) if function is not None else None

    def reading_of(self, function: FunctionNode) -> SourceSpec | None:
        """The first source a function of the file reads (its summary; memoised, cycle-safe)."""
        if function in self._readings:
            return self._readings[function]
        own_path = self.workflows.imported.own_path
        own = (function_id(own_path, function),) if own_path is not None else ()
        if function in self.declared_nondeterministic:  # as the settings say, read here
            named = (function.name, "nondeterministic-functions")
            declared = SourceSpec(SourceKind.IO, ResultKind.UNKNOWN, through=named, functions=own)
            self._readings[function] = declared
            return declared
        self._readings[function] = None  # a recursive call reads nothing new
        scope = self.scopes.scope_of(function)
        reading = None
        for region in scope.region_scopes() if scope is not None else ():
            awaited = {id(node.value) for node in region.awaits}
            logged: set[ast.Call] | None = None  # worked out at the first source met
            for call in region.calls:
                spec = self.classify(call, region, id(call) in awaited)
                if spec is None or (own and own[0] in spec.functions):
                    continue  # (a chain back to this function, through an import cycle)
                if logged is None:
                    logged = self._logged_calls(region)
                if call not in logged:  # a value that only goes to a log changes nothing
                    through = spec.through or (describe_callee(call.func),)
                    reading = SourceSpec(
                        spec.kind,
                        ResultKind.UNKNOWN,
                        through=(function.name, *through),
                        read_at=spec.read_at or (call if spec.read_elsewhere is None else None),
                        read_elsewhere=spec.read_elsewhere,
                        functions=(*own, *spec.functions),
                    )
                    break
            if reading is not None:
                break
        self._readings[function] = reading
        return reading

    def property_reading(self, attribute: ast.Attribute, scope: Scope) -> SourceSpec | None:
        """The first source a property of a class of the file reads, read (`hours.is_open`)."""
        if attribute.attr not in self.source_property_names:
            return None
        if not isinstance(attribute.ctx, ast.Load):
            return None
        getter = self.scopes.property_of(attribute, scope)
        return self.reading_of(getter) if getter is not None else None

    @cached_property
    def source_property_names(self) -> frozenset[str]:
        """The names of the properties of the file's classes whose getter reads a source (a
        cheap test first: most files have none)."""
        return frozenset(
            scope.node.name
            for scope in self.scopes.scopes.values()
            if isinstance(scope.node, ast.FunctionDef | ast.AsyncFunctionDef)
            and scope.parent is not None
            and scope.parent.kind is ScopeKind.CLASS
            and is_getter(scope.node)
            and self.reading_of(scope.node) is not None
        )

    def is_client_call(self, call: ast.Call, scope: Scope) -> bool:
        func = call.func
        return (
            isinstance(func, ast.Attribute)
            and self.scopes.qualified_name(func, scope) is None
            and self.origins.of(func.value, scope) in CLIENT_ORIGINS
        )

    def _logged_calls(self, scope: Scope) -> set[ast.Call]:
        """The calls in the arguments of `print(...)` and logging calls of a scope."""
        logged: set[ast.Call] = set()
        for call in scope.calls:
            if is_logging_call(call, self.origins, scope):
                logged.update(
                    node
                    for argument in call_arguments(call)
                    for node in ast.walk(argument)
                    if isinstance(node, ast.Call)
                )
        return logged

    def _method_source(self, call: ast.Call, scope: Scope) -> SourceSpec | None:
        func = call.func
        if not isinstance(func, ast.Attribute):
            return None
        origin = self.origins.of(func.value, scope)
        if origin is Origin.CACHE_CLIENT:
            return _IO_UNKNOWN if func.attr != "pipeline" else None
        if origin is Origin.CLIENT:
            return _IO_NOT_SERIALIZABLE if not is_client_builder(func.attr) else None
        if origin is Origin.PIPELINE:
            return _IO_UNKNOWN if func.attr in PIPELINE_IO_METHODS else None
        if origin is Origin.RANDOM:
            return random_method_source(func.attr)
        if origin is Origin.PATH and func.attr in PATH_IO_METHODS:
            return SourceSpec(SourceKind.IO, PATH_IO_METHODS[func.attr])
        return None

    def _awaited_call_is_io(self, call: ast.Call, scope: Scope, qualified: str | None) -> bool:
        """Every awaited call is I/O except the workflow's own machinery."""
        func = call.func
        if isinstance(func, ast.Attribute) and self.workflows.context_of(func.value, scope):
            return False  # a context method (an unknown one is UWF308's)
        if qualified in _ASYNC_SLEEPS or qualified in self.detection.deterministic_functions:
            return False
        if self._holds_step_call(call, scope):
            return False
        # The context handed to code of another module: workflow code, not I/O.
        if isinstance(func, ast.Attribute) and self._made_with_context(func.value, scope):
            return False  # `saga.start()` after `saga = Saga(context)`
        return not self._passes_context(call, scope)

    def _passes_context(self, call: ast.Call, scope: Scope) -> bool:
        return any(self.workflows.context_of(argument, scope) for argument in call_arguments(call))

    def _made_with_context(self, expr: ast.expr, scope: Scope) -> bool:
        """An object made here with the context (`Saga(context)`), or a name bound once to
        one: its methods may use the context it holds."""
        made, made_scope = self.scopes.single_value(expr, scope) or (expr, scope)
        return isinstance(made, ast.Call) and self._passes_context(made, made_scope)

    def _holds_step_call(self, call: ast.Call, scope: Scope) -> bool:
        """A call given step calls: a combinator over steps (`gather(*pending)`, `pending` a
        list of them) is UWF302's, and any other call given a step's coroutine (`await
        settle(context.run(...))`) awaits the step, not I/O."""
        region = scope.function_scope
        counter = self._step_counters.get(region)
        if counter is None:
            counter = self._step_counters[region] = StepCounter(region, self.scopes, self.workflows)
        return counter.count_arguments(call, scope) > 0
