"""The catalog of non-deterministic sources, by qualified name, and the objects they come from.

A source is a call whose result can differ between two calls of the workflow endpoint. Each
entry knows what its result is, so that the wrap-in-a-step fix can tell whether the result
survives the JSON round trip that step results go through.
"""

from __future__ import annotations

import ast
import enum
from collections.abc import Callable
from dataclasses import dataclass

from wfcheck.model.scopes import Scope, ScopeTree


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
    **_specs(
        _IO,
        _NO,
        "socket.socket",
        "socket.create_connection",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
    ),
}

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
        return None
    if spec.max_args is not None and len(call.args) > spec.max_args:
        return None
    return spec


class Origin(enum.Enum):
    """What kind of object an expression evaluates to, where it matters for sources."""

    CACHE_CLIENT = "cache-client"  # Redis: its calls are I/O returning strings and numbers
    CLIENT = "client"  # a database, cloud, HTTP, queue or model API client: its calls are I/O
    # returning objects that json.dumps rejects (rows, responses)
    PIPELINE = "pipeline"  # a Redis pipeline: it queues commands until `execute()`/`exec()`
    PATH = "path"  # a pathlib path: its read and write methods are I/O
    RANDOM = "random"  # an unseeded random generator: its draws are randomness
    LOGGER = "logger"  # its calls only log


CACHE_CLIENT_FACTORIES = frozenset(
    {
        "redis.Redis",
        "redis.StrictRedis",
        "redis.Redis.from_url",
        "redis.from_url",
        "redis.client.Redis",
        "redis.asyncio.Redis",
        "redis.asyncio.from_url",
        "redis.asyncio.Redis.from_url",
        "upstash_redis.Redis",
        "upstash_redis.Redis.from_env",
        "upstash_redis.asyncio.Redis",
        "upstash_redis.asyncio.Redis.from_env",
    }
)

CLIENT_FACTORIES = frozenset(
    {
        "sqlalchemy.create_engine",
        "sqlalchemy.orm.Session",
        "sqlalchemy.orm.sessionmaker",
        "sqlalchemy.orm.scoped_session",
        "sqlalchemy.ext.asyncio.create_async_engine",
        "sqlalchemy.ext.asyncio.AsyncSession",
        "sqlalchemy.ext.asyncio.async_sessionmaker",
        "sqlite3.connect",
        "psycopg2.connect",
        "psycopg.connect",
        "psycopg.AsyncConnection.connect",
        "pymysql.connect",
        "mysql.connector.connect",
        "asyncpg.connect",
        "asyncpg.create_pool",
        "pymongo.MongoClient",
        "motor.motor_asyncio.AsyncIOMotorClient",
        "boto3.client",
        "boto3.resource",
        "boto3.session.Session",
        "boto3.Session",
        "qstash.QStash",
        "qstash.AsyncQStash",
        "requests.Session",
        "requests.session",
        "httpx.Client",
        "httpx.AsyncClient",
        "aiohttp.ClientSession",
        "openai.OpenAI",
        "openai.AsyncOpenAI",
        "anthropic.Anthropic",
        "anthropic.AsyncAnthropic",
    }
)
# Methods of clients that build another client-like object without a round trip to a server
# (a cursor, a query, a table handle); calls on what they return are I/O again.
CLIENT_BUILDER_METHODS = frozenset(
    {"cursor", "Table", "Bucket", "Object", "get_database", "get_collection"}
    | {"query", "filter", "filter_by", "join", "outerjoin", "where", "order_by", "group_by"}
    | {"having", "limit", "offset", "options", "distinct", "select_from", "execution_options"}
)
# Methods of clients that open a connection or session: I/O, and their result is a client.
CLIENT_CONNECTING_METHODS = frozenset({"connect", "begin", "begin_nested", "session", "acquire"})
PIPELINE_IO_METHODS = frozenset({"execute", "exec"})

PATH_CLASSES = frozenset({"pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath"})
_PATH_DERIVING_METHODS = frozenset(
    {"joinpath", "with_name", "with_stem", "with_suffix", "absolute", "expanduser"}
)
PATH_IO_METHODS = {
    "read_text": _JSON,
    "read_bytes": ResultKind.BYTES,
    "write_text": _JSON,
    "write_bytes": _JSON,
    "exists": _JSON,
    "is_file": _JSON,
    "is_dir": _JSON,
    "open": _NO,
    "stat": _NO,
    "iterdir": _NO,
    "glob": _NO,
    "rglob": _NO,
    "touch": _JSON,
    "unlink": _JSON,
    "mkdir": _JSON,
    "rmdir": _JSON,
    "rename": _NO,
    "replace": _NO,
}

# Generators that draw from the OS or an unseeded state; seeded with an argument they are not.
_ALWAYS_RANDOM_CLASSES = frozenset({"random.SystemRandom", "secrets.SystemRandom"})
_UNSEEDED_RANDOM_CLASSES = frozenset(
    {"random.Random", "numpy.random.default_rng", "numpy.random.RandomState"}
)

LOGGER_FACTORIES = frozenset({"logging.getLogger", "structlog.get_logger", "structlog.getLogger"})
LOGGER_OBJECTS = frozenset({"logging", "loguru.logger", "logging.root"})
LOGGING_METHODS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"}
)


def random_method_source(method: str) -> SourceSpec | None:
    spec = _RANDOM_FUNCTIONS.get(method)
    if spec is not None:
        return spec
    return SourceSpec(_RANDOM, _NO) if not method.startswith("_") and method != "seed" else None


# Objects whose method calls are I/O.
CLIENT_ORIGINS = (Origin.CLIENT, Origin.CACHE_CLIENT, Origin.PIPELINE)


class Origins:
    """Finds what an expression evaluates to, following the bindings of names."""

    _MAX_DEPTH = 12

    def __init__(self, scopes: ScopeTree, is_context: Callable[[ast.expr, Scope], bool]) -> None:
        self.scopes = scopes
        self.is_context = is_context
        # By the id of a bound value, and of a name's tuple of values (`bound_values` gives the
        # same tuple for every use of a name): each is resolved once.
        self._cache: dict[int, Origin | None] = {}
        self._name_cache: dict[int, Origin | None] = {}
        self._pending: set[int] = set()  # the values being resolved (a cycle comes back to one)

    def of(self, expr: ast.expr, scope: Scope, depth: int = 0) -> Origin | None:
        if depth > self._MAX_DEPTH:
            return None
        if isinstance(expr, ast.Await):
            return self.of(expr.value, scope, depth + 1)
        if isinstance(expr, ast.Call):
            return self._of_call(expr, scope, depth)
        if isinstance(expr, ast.Name):
            return self._of_name(expr, scope, depth)
        if isinstance(expr, ast.Attribute):
            return self._of_attribute(expr, scope, depth)
        if isinstance(expr, ast.Subscript):  # `mongo["shop"]["orders"]`
            receiver = self.of(expr.value, scope, depth + 1)
            return receiver if receiver is Origin.CLIENT else None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
            return Origin.PATH if self.of(expr.left, scope, depth + 1) is Origin.PATH else None
        return None

    def _of_attribute(self, expr: ast.Attribute, scope: Scope, depth: int) -> Origin | None:
        if expr.attr == "qstash_client" and self.is_context(expr.value, scope):
            return Origin.CLIENT
        receiver = self.of(expr.value, scope, depth + 1)
        if receiver in (Origin.CLIENT, Origin.CACHE_CLIENT):
            return receiver
        return Origin.PATH if receiver is Origin.PATH and expr.attr == "parent" else None

    def _of_name(self, expr: ast.Name, scope: Scope, depth: int) -> Origin | None:
        if self.scopes.qualified_name(expr, scope) in LOGGER_OBJECTS:
            return Origin.LOGGER
        values = self.scopes.bound_values(expr, scope)
        if values is None:
            return None
        if id(values) in self._name_cache:
            return self._name_cache[id(values)]
        origin = self._of_values(values, depth)
        if self._pending.isdisjoint(id(value) for value, _ in values):
            self._name_cache[id(values)] = origin  # final: no value was still being resolved
        return origin

    def _of_values(self, values: tuple[tuple[ast.expr, Scope], ...], depth: int) -> Origin | None:
        """The origin of a name, when all the values it is bound to have the same one."""
        origins = set()
        for value, value_scope in values:
            key = id(value)
            if key not in self._cache:
                self._cache[key] = None  # a cycle (`x = x.child()`) resolves to nothing
                self._pending.add(key)
                self._cache[key] = self.of(value, value_scope, depth + 1)
                self._pending.discard(key)
            origins.add(self._cache[key])
        return origins.pop() if len(origins) == 1 else None

    def _of_call(self, call: ast.Call, scope: Scope, depth: int) -> Origin | None:
        qualified = self.scopes.qualified_name(call.func, scope)
        if qualified == "contextlib.closing" and call.args:
            return self.of(call.args[0], scope, depth + 1)
        if qualified is not None:
            return _origin_of_factory(qualified, call)
        func = call.func
        if isinstance(func, ast.Attribute):
            return _method_result(self.of(func.value, scope, depth + 1), func.attr)
        # `SessionLocal()` where `SessionLocal = sessionmaker(...)`.
        if isinstance(func, ast.Name) and self.of(func, scope, depth + 1) is Origin.CLIENT:
            return Origin.CLIENT
        return None


def _method_result(receiver: Origin | None, method: str) -> Origin | None:
    """What a method of an object of that origin returns, where it matters."""
    if receiver is Origin.CACHE_CLIENT:
        return Origin.PIPELINE if method == "pipeline" else None
    if receiver is Origin.CLIENT:
        deriving = method in CLIENT_BUILDER_METHODS or method in CLIENT_CONNECTING_METHODS
        return Origin.CLIENT if deriving else None
    if receiver is Origin.PIPELINE:
        return receiver  # `pipe.set(...).incr(...)` chains on the pipeline
    if receiver is Origin.PATH and method in _PATH_DERIVING_METHODS:
        return Origin.PATH
    if receiver is Origin.LOGGER and method == "getChild":
        return Origin.LOGGER
    return None


def _origin_of_factory(qualified: str, call: ast.Call) -> Origin | None:
    if qualified in CACHE_CLIENT_FACTORIES:
        return Origin.CACHE_CLIENT
    if qualified in CLIENT_FACTORIES:
        return Origin.CLIENT
    if qualified in PATH_CLASSES:
        return Origin.PATH
    if qualified in _ALWAYS_RANDOM_CLASSES:
        return Origin.RANDOM
    if qualified in _UNSEEDED_RANDOM_CLASSES and not call.args and not call.keywords:
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
