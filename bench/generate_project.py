"""Generates a reproducible multi-module FastAPI application that runs Upstash Workflow routes.

The application is laid out as real services are: a package `app/` whose `main.py` creates
the FastAPI app and `serve = Serve(app)`, route modules (`app/routes/`, about 5% of the
modules) that import `serve` and register workflow routes on it, a services layer
(`app/services/<domain>/`) of helper functions, API clients (`app/clients/`), repositories
(`app/db/repositories/`) over a SQLAlchemy `sessionmaker` (`app/db/session.py`), settings
(`app/core/config.py`) and utility modules of small functions (`app/utils/`).

The helpers are of five kinds: pure functions, functions that read the clock, randomness,
or do I/O (HTTP with `requests` or `httpx`, SQL through the session), and workflow helpers
that take the context and make steps (`context.run`, `context.sleep`). Most of them call
helpers of other modules, so a route's call reaches a source through a chain of two to four
modules (services in three tiers over repositories, clients and utilities). Imports are
absolute (`from app.services.order.charge_batch import charge_order`), relative
(`from ..session import SessionLocal`), module imports with an alias
(`import app.utils.money as money`) and imports through a package that re-exports
(`from app.services.order import charge_order`). A few pairs of services modules import each
other (an import cycle, the back edge as a module import), and `app/main.py` imports the routes,
which import `serve` from it.

Routes use the helpers as workflow code should: readers and I/O inside steps, pure helpers
outside, workflow helpers called with the context. About a quarter of the route functions
carry one mistake made across modules: a reading helper called outside a step, or a workflow
helper called inside a step. The first route of the first route module always calls a services
helper whose body is `return time.time()` outside a step (`project_speed.py` edits it).

Modules are about 100 to 250 lines long (package `__init__.py` files and a few fixed modules
are shorter). The output depends only on the seed and the number of modules (`.py` files):

    .venv/bin/python bench/generate_project.py /tmp/project --modules 2000 --seed 0
"""

from __future__ import annotations

import argparse
import ast
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # generate_workflows, when run as `python bench/...`

from generate_workflows import (  # noqa: E402
    DOMAINS,
    FIELD_SHAPES,
    WORDS,
    Domain,
    Writer,
    fresh_step_name,
    keyed_class,
    numbered,
    write_dataclass_body,
    write_field_statement,
)

DEFAULT_MODULES = 2000
DEFAULT_SEED = 0
MINIMUM_MODULES = 40

# Shares of the modules that are not fixed (package `__init__.py`, main, config, session).
ROUTE_SHARE = 0.05
UTILS_SHARE = 0.20
CLIENTS_SHARE = 0.08
REPOSITORIES_SHARE = 0.12
# Share of route functions with one mistake made across modules.
MISTAKE_RATE = 0.25

PURE, CLOCK, RANDOM, IO, STEPS = "pure", "clock", "random", "io", "steps"
READERS = (CLOCK, RANDOM, IO)

UTIL_TOPICS = (
    "text",
    "money",
    "dates",
    "ids",
    "batching",
    "retry",
    "formatting",
    "validation",
    "hashing",
    "paging",
    "clock",
    "serialization",
    "collections",
    "urls",
    "headers",
    "csv_rows",
    "locale",
    "metrics",
)
PURE_VERBS = (
    "normalise",
    "format",
    "parse",
    "chunk",
    "merge",
    "clean",
    "summarise",
    "mask",
    "flatten",
    "pick",
    "coerce",
    "build",
)
CLOCK_NAMES = ("now_ms", "utc_now_iso", "current_stamp", "today_key", "deadline_in", "hour_bucket")
RANDOM_NAMES = ("new_token", "random_suffix", "jitter_seconds", "pick_shard", "new_request_id")
# Names an alias of a project module must not take (imported from elsewhere).
RESERVED = frozenset(
    {"text", "json", "time", "random", "uuid", "secrets", "logging", "requests", "httpx"}
    | {"datetime", "serve", "logger", "dataclass", "field"}
)
CLIENT_SERVICES = ("payments", "mailer", "search", "storage", "crm", "ledger", "geo", "fx")
STDLIB = frozenset(
    {"time", "random", "uuid", "secrets", "json", "logging", "os", "hashlib", "datetime"}
    | {"dataclasses", "typing", "functools", "itertools", "math", "re"}
)


@dataclass(frozen=True)
class Export:
    """A module-level function other modules import and call."""

    name: str
    kind: str  # PURE, CLOCK, RANDOM, IO, STEPS
    params: tuple[str, ...]  # "id" and/or "data" (STEPS: the context comes first, then "id")
    is_async: bool = False
    direct_clock: bool = False  # its body is `return time.time()`

    def arguments(self, id_expr: str, data_expr: str, context: str | None = None) -> str:
        values = {"id": id_expr, "data": data_expr}
        parts = [context] if self.kind == STEPS and context else []
        return ", ".join(parts + [values[param] for param in self.params])


@dataclass(eq=False)
class Module:
    number: int
    layer: str  # utils, clients, repositories, services, routes
    dotted: str  # app.services.order.charge_batch
    domain: Domain
    tier: int = 0
    exports: list[Export] = field(default_factory=list)
    deps: list[Module] = field(default_factory=list)
    back_edges: list[Module] = field(default_factory=list)  # import cycles: `import x as y`
    forced_mistake: Export | None = None  # route module 0: this helper outside a step

    @property
    def path(self) -> str:
        return self.dotted.replace(".", "/") + ".py"

    @property
    def package(self) -> str:
        return self.dotted.rsplit(".", 1)[0]


@dataclass
class Plan:
    modules: list[Module]
    packages: list[str]  # dotted names of the packages (an `__init__.py` each)
    reexports: dict[str, list[tuple[Module, Export]]]  # package -> names it re-exports
    routes: list[Module]


# --------------------------------------------------------------------------------------------
# Planning: the modules, what they export and what they import


class Names:
    """Names unique in the whole project, so that no two imports of a module collide."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def fresh(self, base: str) -> str:
        name = base
        while name in self.taken:
            name = f"{base}_{self.rng.choice(WORDS)}"
            if name in self.taken:
                name = f"{name}_{len(self.taken)}"
        self.taken.add(name)
        return name


def plan_project(modules: int, seed: int) -> Plan:
    if modules < MINIMUM_MODULES:
        raise ValueError(f"a project has at least {MINIMUM_MODULES} modules")
    rng = random.Random(f"{seed}-plan")
    names = Names(rng)
    fixed_packages = [
        "app",
        "app.core",
        "app.db",
        "app.db.repositories",
        "app.routes",
        "app.services",
        "app.clients",
        "app.utils",
    ]
    domain_packages = [f"app.services.{domain.entity}" for domain in DOMAINS]
    packages = fixed_packages + domain_packages
    fixed_modules = 3  # main, config, session
    free = modules - len(packages) - fixed_modules
    route_count = max(1, round(modules * ROUTE_SHARE))
    counts = {
        "utils": round(free * UTILS_SHARE),
        "clients": round(free * CLIENTS_SHARE),
        "repositories": round(free * REPOSITORIES_SHARE),
    }
    counts["services"] = free - route_count - sum(counts.values())
    layers = plan_layers(rng, counts, route_count)
    utils, clients, repositories = layers["utils"], layers["clients"], layers["repositories"]
    services, routes = layers["services"], layers["routes"]
    for module in utils:
        plan_exports(module, rng, names, {PURE: 6, CLOCK: 2.5, RANDOM: 1.5}, (4, 9))
    for module in clients:
        plan_exports(module, rng, names, {IO: 1}, (3, 7), is_async=rng.random() < 0.5)
    for module in repositories:
        plan_exports(module, rng, names, {IO: 1}, (3, 7))
    kinds = {PURE: 3.5, CLOCK: 1, RANDOM: 0.7, IO: 2.8, STEPS: 2}
    for module in services:
        plan_exports(module, rng, names, kinds, (4, 10), is_async=rng.random() < 0.5)
    stamp_module = services[0]
    stamp = Export(
        names.fresh(f"current_{stamp_module.domain.entity}_stamp"), CLOCK, (), direct_clock=True
    )
    stamp_module.exports.insert(0, stamp)
    plan_imports(rng, layers)
    first_route = routes[0]
    first_route.deps = unique([stamp_module, *first_route.deps])
    first_route.forced_mistake = stamp
    plan_cycles(rng, services, avoid=stamp_module)
    reexports: dict[str, list[tuple[Module, Export]]] = {}
    for package in domain_packages:
        members = [s for s in services if s.package == package and s is not stamp_module]
        offered = [(s, e) for s in members for e in s.exports]
        reexports[package] = sorted(
            rng.sample(offered, min(len(offered), rng.randint(2, 5))),
            key=lambda pair: (pair[0].number, pair[1].name),
        )
    planned = [module for layer in layers.values() for module in layer]
    return Plan(planned, packages, reexports, routes)


def plan_layers(
    rng: random.Random, counts: dict[str, int], route_count: int
) -> dict[str, list[Module]]:
    """The modules of each layer, named, in the order they may import each other."""
    files: set[str] = set()
    planned: list[Module] = []

    def add(layer: str, dotted_base: str, domain: Domain, tier: int = 0) -> Module:
        module = Module(len(planned), layer, numbered(dotted_base, files), domain, tier)
        planned.append(module)
        return module

    utils = [
        add(
            "utils",
            f"app.utils.{rng.choice(UTIL_TOPICS)}",
            rng.choice(DOMAINS),
            0 if index < counts["utils"] * 0.4 else 1,
        )
        for index in range(counts["utils"])
    ]
    clients = [
        add("clients", f"app.clients.{rng.choice(CLIENT_SERVICES)}_client", rng.choice(DOMAINS))
        for _ in range(counts["clients"])
    ]
    repositories = []
    for _ in range(counts["repositories"]):
        domain = rng.choice(DOMAINS)
        repositories.append(add("repositories", f"app.db.repositories.{domain.plural}", domain))
    services = []
    for index in range(counts["services"]):
        domain = rng.choice(DOMAINS)
        tier = min(2, index * 3 // max(1, counts["services"]))
        base = f"{rng.choice(domain.actions)}_{rng.choice(WORDS)}"
        services.append(add("services", f"app.services.{domain.entity}.{base}", domain, tier))
    routes = []
    for _ in range(route_count):
        domain = rng.choice(DOMAINS)
        routes.append(add("routes", f"app.routes.{domain.plural}", domain, 3))
    return {
        "utils": utils,
        "clients": clients,
        "repositories": repositories,
        "services": services,
        "routes": routes,
    }


def plan_imports(rng: random.Random, layers: dict[str, list[Module]]) -> None:
    """What each module imports: utilities under everything, clients and repositories under
    services, services of lower tiers under higher ones (chains), services under routes."""
    utils, clients, repositories = layers["utils"], layers["clients"], layers["repositories"]
    services, routes = layers["services"], layers["routes"]
    for module in utils:
        if module.tier == 1:
            module.deps = sample(rng, [u for u in utils if u.tier == 0], 1, 2)
    for module in clients + repositories:
        module.deps = sample(rng, utils, 0, 2)
    for module in services:
        lower = [s for s in services if s.tier < module.tier]
        same = [s for s in lower if s.domain == module.domain]
        chosen = sample(rng, same, 1, 2) if same and rng.random() < 0.7 else []
        chosen += sample(rng, lower, 0 if module.tier == 0 else 1, module.tier)
        chosen += sample(rng, repositories + clients, 1 if module.tier == 0 else 0, 2)
        chosen += sample(rng, utils, 1, 2)
        module.deps = unique(chosen)
    for module in routes:
        top = [s for s in services if s.tier == 2]
        same = [s for s in top if s.domain == module.domain]
        chosen = sample(rng, same, 1, 3) + sample(rng, services, 1, 3) + sample(rng, utils, 0, 1)
        module.deps = unique(chosen)


def plan_cycles(rng: random.Random, services: list[Module], *, avoid: Module) -> None:
    """A few pairs of services modules of one tier that import each other."""
    for _ in range(max(2, len(services) // 150)):
        tier = rng.randrange(3)
        candidates = [s for s in services if s.tier == tier and s is not avoid]
        if len(candidates) < 2:
            continue
        first, second = sorted(rng.sample(candidates, 2), key=lambda m: m.number)
        if first not in second.deps:
            second.deps.append(first)
        first.back_edges.append(second)


def plan_exports(
    module: Module,
    rng: random.Random,
    names: Names,
    weights: dict[str, float],
    count: tuple[int, int],
    *,
    is_async: bool = False,
) -> None:
    d = module.domain
    shapes: dict[str, tuple[tuple[str, ...], ...]] = {
        PURE: (("data",), ("data",), ("id",)),
        CLOCK: ((), (), ("id",)),
        RANDOM: ((), ("id",)),
        IO: (("id",), ("id", "data"), ("id", "data")),
    }
    for _ in range(rng.randint(*count)):
        kind = rng.choices(list(weights), weights=list(weights.values()))[0]
        word = rng.choice(WORDS)
        if kind == PURE:
            base = f"{rng.choice(PURE_VERBS)}_{word}"
            if module.layer != "utils":
                base = f"{rng.choice(PURE_VERBS)}_{d.entity}_{word}"
            params = rng.choice(shapes[PURE])
            export = Export(names.fresh(base), PURE, params)
        elif kind == CLOCK:
            base = rng.choice(CLOCK_NAMES)
            if module.layer != "utils":
                base = f"{d.entity}_{word}_{rng.choice(('stamp', 'window', 'deadline'))}"
            params = rng.choice(shapes[CLOCK])
            direct = params == () and module.layer == "services" and rng.random() < 0.4
            export = Export(names.fresh(base), CLOCK, params, direct_clock=direct)
        elif kind == RANDOM:
            base = rng.choice(RANDOM_NAMES)
            if module.layer != "utils":
                base = f"new_{d.entity}_{word}_id"
            export = Export(names.fresh(base), RANDOM, rng.choice(shapes[RANDOM]))
        elif kind == IO:
            verb = {
                "clients": rng.choice(("fetch", "post", "send", "lookup", "push")),
                "repositories": rng.choice(("get", "list", "save", "mark", "count")),
            }.get(module.layer, rng.choice(d.actions))
            base = f"{verb}_{d.entity}_{word}" if module.layer != "services" else f"{verb}_{word}"
            params = rng.choice(shapes[IO])
            export = Export(names.fresh(base), IO, params, is_async=is_async)
        else:
            base = f"run_{rng.choice(d.actions)}_{word}_stage"
            export = Export(names.fresh(base), STEPS, ("id",), is_async=True)
        module.exports.append(export)


def sample(rng: random.Random, pool: Sequence[Module], low: int, high: int) -> list[Module]:
    return rng.sample(list(pool), min(len(pool), rng.randint(low, high))) if pool else []


def unique(modules: list[Module]) -> list[Module]:
    seen: dict[int, Module] = {}
    for module in modules:
        seen.setdefault(module.number, module)
    return list(seen.values())


# --------------------------------------------------------------------------------------------
# Writing one module


class Emitter:
    """The body of one module, and the imports its code turned out to need."""

    def __init__(self, module: Module, plan: Plan, rng: random.Random) -> None:
        self.module = module
        self.plan = plan
        self.rng = rng
        self.std: dict[str, set[str]] = {}  # module -> names ("" for `import module`)
        self.third: dict[str, set[str]] = {}
        self.project: dict[str, set[str]] = {}  # target module -> names imported from it
        self.aliases: dict[str, str] = {}  # target module -> alias of `import target as alias`
        self.styles: dict[str, str] = {}
        self.relative_share = rng.choice((0.0, 0.3, 0.6, 0.9))
        self.future = rng.random() < 0.7  # `from __future__ import annotations`
        self.locals: set[str] = {"logger"}
        self.step_names: set[str] = set()
        self.privates: list[str] = []  # private pure helpers: f(data) -> dict
        self.reexported = {
            export.name: package
            for package, pairs in plan.reexports.items()
            for _, export in pairs
            if package != module.package
        }

    def need(self, module: str, name: str = "") -> str:
        table = self.std if module.split(".", maxsplit=1)[0] in STDLIB else self.third
        table.setdefault(module, set()).add(name)
        return name or module

    def config(self, name: str) -> str:
        self.project.setdefault("app.core.config", set()).add(name)
        return name

    def ref(self, dep: Module, export: Export) -> str:
        """The expression that names `export` here, its import recorded."""
        if dep in self.module.back_edges:
            return f"{self.alias(dep)}.{export.name}"
        style = self.styles.get(dep.dotted)
        if style is None:
            roll = self.rng.random()
            style = "alias" if roll < 0.15 else "package" if roll < 0.35 else "from"
            self.styles[dep.dotted] = style
        if style == "alias":
            return f"{self.alias(dep)}.{export.name}"
        target = dep.dotted
        if style == "package" and export.name in self.reexported:
            target = self.reexported[export.name]
        self.project.setdefault(target, set()).add(export.name)
        return export.name

    def alias(self, dep: Module) -> str:
        if dep.dotted not in self.aliases:
            alias = dep.dotted.rsplit(".", 1)[1]
            while alias in self.locals or alias in self.aliases.values() or alias in RESERVED:
                alias = f"{alias}_module"
            self.aliases[dep.dotted] = alias
        return self.aliases[dep.dotted]

    def candidates(self, kinds: Sequence[str], *, awaits: bool) -> list[tuple[Module, Export]]:
        """The exports of this module's imports of these kinds (async ones only if the caller
        can await them)."""
        return [
            (dep, export)
            for dep in self.module.deps
            for export in dep.exports
            if export.kind in kinds and (awaits or not export.is_async)
        ]

    def pick(
        self, kinds: Sequence[str], *, awaits: bool, chance: float = 1.0
    ) -> tuple[Module, Export] | None:
        found = self.candidates(kinds, awaits=awaits)
        if not found or self.rng.random() >= chance:
            return None
        return self.rng.choice(found)

    def call(
        self,
        pair: tuple[Module, Export],
        id_expr: str,
        data_expr: str,
        *,
        context: str | None = None,
        awaited: bool = True,
    ) -> str:
        dep, export = pair
        text = f"{self.ref(dep, export)}({export.arguments(id_expr, data_expr, context)})"
        return f"await {text}" if export.is_async and awaited else text

    def step_name(self, base: str) -> str:
        return fresh_step_name(base, self.step_names)

    def fresh_local(self, base: str) -> str:
        return numbered(base, self.locals)

    def relative(self, target: str) -> str:
        """`..db.session` for `app.db.session` imported in `app.db.repositories.orders`."""
        package = self.module.package.split(".")
        parts = target.split(".")
        common = 0
        while common < min(len(package), len(parts) - 1) and package[common] == parts[common]:
            common += 1
        return "." * (len(package) - common + 1) + ".".join(parts[common:])

    def imports(self) -> list[str]:
        lines = ["from __future__ import annotations", ""] if self.future else []
        for table in (self.std, self.third):
            plain = sorted(f"import {m}" for m, names in table.items() if "" in names)
            froms = [
                from_line(m, sorted(names - {""}))
                for m, names in sorted(table.items())
                if names - {""}
            ]
            if plain or froms:
                lines += [*plain, *froms, ""]
        project = []
        for target, alias in sorted(self.aliases.items()):
            project.append(f"import {target} as {alias}")
        for target, names in sorted(self.project.items()):
            relative = self.rng.random() < self.relative_share and target != "app.core.config"
            source = self.relative(target) if relative else target
            project.append(from_line(source, sorted(names)))
        if project:
            lines += [*project, ""]
        return lines


def from_line(module: str, names: list[str]) -> str:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= 99:
        return line
    return "\n".join([f"from {module} import (", *(f"    {name}," for name in names), ")"])


# Pure statements on a dict `data` into a dict `result`, as validation code is written.


def pure_statements(w: Writer, rng: random.Random, domain: Domain, count: int) -> None:
    for shape in rng.sample(range(FIELD_SHAPES + 2), count):  # the shared ones, two of its own
        f_ = rng.choice(domain.fields)
        if shape < FIELD_SHAPES:
            write_field_statement(w, shape, f_, f"{f_}_total")
        elif shape == FIELD_SHAPES:
            w.line(f'result["{f_}_present"] = bool(data.get("{f_}"))')
        else:
            w.line("result.update(")
            w.line('    {k: v for k, v in data.items() if not k.startswith("_") and v is not None}')
            w.line(")")


def write_private_helper(e: Emitter, w: Writer) -> None:
    rng = e.rng
    verb = rng.choice(("clean", "trim", "shape", "prepare"))
    name = e.fresh_local(f"_{verb}_{rng.choice(WORDS)}")
    e.privates.append(name)
    e.need("typing", "Any")
    with w.block(f"def {name}(data: dict[str, Any]) -> dict[str, Any]:"):
        w.line("result: dict[str, Any] = {}")
        pure_statements(w, rng, e.module.domain, rng.randint(1, 4))
        w.line("return result")
    w.blank(2)


def write_dataclass(e: Emitter, w: Writer) -> None:
    rng = e.rng
    d = e.module.domain
    suffix = rng.choice(("Snapshot", "Line", "Event", "Request", "Result"))
    name = e.fresh_local(f"{d.entity.title().replace('_', '')}{suffix}")
    fields = rng.sample(d.fields, k=rng.randint(2, len(d.fields)))
    e.need("dataclasses", "dataclass")
    e.need("dataclasses", "field")
    e.need("typing", "Any")
    returned = name if e.future else f'"{name}"'
    write_dataclass_body(w, name, d.entity, fields, returned=returned, typing_generics=False)


def write_table(e: Emitter, w: Writer) -> None:
    rng = e.rng
    name = e.fresh_local(f"{rng.choice(WORDS).upper()}_{rng.choice(('LABELS', 'LIMITS'))}")
    labels = name.endswith("LABELS")
    w.line(f"{name}: dict[str, {'str' if labels else 'int'}] = {{")
    for word in rng.sample(WORDS, rng.randint(3, 8)):
        value = f'"{word.title()}"' if labels else str(rng.choice((5, 10, 25, 50, 100, 500)))
        w.line(f'    "{word}": {value},')
    w.line("}")
    w.blank(2)


def param_list(export: Export, domain: Domain, annotated_context: str | None) -> str:
    params = []
    if export.kind == STEPS:
        params.append(f"context: {annotated_context}" if annotated_context else "context")
    for param in export.params:
        params.append(f"{domain.entity}_id: str" if param == "id" else "data: dict[str, Any]")
    return ", ".join(params)


def id_and_data(export: Export, domain: Domain) -> tuple[str, str]:
    id_name = f"{domain.entity}_id"
    has_id, has_data = "id" in export.params, "data" in export.params
    id_expr = id_name if has_id else 'str(data.get("id", ""))' if has_data else '"default"'
    data_expr = "data" if has_data else f'{{"id": {id_name}}}' if has_id else "{}"
    return id_expr, data_expr


def write_export(e: Emitter, w: Writer, export: Export) -> None:
    d = e.module.domain
    e.need("typing", "Any")
    context_type = None
    if export.kind == STEPS and e.rng.random() < 0.6:
        context_type = e.need("upstash_workflow", "AsyncWorkflowContext")
        context_type += e.rng.choice(("[dict[str, Any]]", ""))
    returns = {PURE: "dict[str, Any]" if "data" in export.params else "str", CLOCK: "float"}
    result = returns.get(export.kind, "str" if export.kind == RANDOM else "dict[str, Any]")
    if export.kind == CLOCK and not export.direct_clock:
        result = "str"
    keyword = "async def" if export.is_async else "def"
    with w.block(f"{keyword} {export.name}({param_list(export, d, context_type)}) -> {result}:"):
        WRITERS[export.kind](e, w, export)
    w.blank(2)


def body_pure(e: Emitter, w: Writer, export: Export) -> None:
    rng, d = e.rng, e.module.domain
    id_expr, data_expr = id_and_data(export, d)
    if "data" not in export.params:
        w.line(f'"""The {d.entity} key for a raw value: trimmed, lower case."""')
        w.line(f"cleaned = {id_expr}.strip().lower()")
        dep = e.pick((PURE,), awaits=False, chance=0.5)
        if dep is not None and "data" not in dep[1].params:
            w.line(f"cleaned = {e.call(dep, 'cleaned', '{}')}")
        w.line(f'return f"{d.entity}:{{cleaned}}"')
        return
    w.line(f'"""{export.name.split("_")[0].title()} the fields of {d.entity} payloads."""')
    w.line("result: dict[str, Any] = {}")
    pure_statements(w, rng, d, rng.randint(1, 3))
    for _ in range(rng.randint(0, 2)):
        dep = e.pick((PURE,), awaits=False, chance=0.7)
        if dep is None:
            break
        if "data" in dep[1].params:
            w.line(f"result.update({e.call(dep, id_expr, data_expr)})")
        else:
            w.line(f'result["key"] = {e.call(dep, id_expr, data_expr)}')
    if e.privates and rng.random() < 0.5:
        w.line(f"result = {{**result, **{rng.choice(e.privates)}(data)}}")
    w.line("return result")


def return_through(e: Emitter, w: Writer, export: Export, prefix: str, *, chance: float) -> bool:
    """With that chance, `return f"{prefix}{value}"` of the value of an imported helper of the
    export's kind (a reader's body that defers to another reader); whether it did."""
    d = e.module.domain
    dep = e.pick((export.kind,), awaits=False, chance=chance)
    if dep is None:
        return False
    value = e.call(dep, f"{d.entity}_id" if export.params else f'"{d.entity}"', "{}")
    w.line(f"value = {value}")
    w.line(f'return f"{prefix}{{value}}"')
    return True


def body_clock(e: Emitter, w: Writer, export: Export) -> None:
    rng, d = e.rng, e.module.domain
    if export.direct_clock:
        w.line('"""Seconds since the epoch, as the records of this service store them."""')
        e.need("time")
        w.line("return time.time()")
        return
    w.line(f'"""A time value for {d.plural}: changes from one call to the next."""')
    prefix = f"{{{d.entity}_id}}:" if export.params else f"{d.entity}:"
    if return_through(e, w, export, prefix, chance=0.6):
        return
    shape = rng.randrange(4)
    if shape == 0:
        e.need("time")
        w.line(f'return f"{prefix}{{int(time.time() * 1000)}}"')
    elif shape == 1:
        e.need("datetime", "datetime")
        e.need("datetime", "timezone")
        w.line(f'return f"{prefix}{{datetime.now(timezone.utc).isoformat()}}"')
    elif shape == 2:
        e.need("datetime", "datetime")
        e.need("datetime", "timedelta")
        e.need("datetime", "timezone")
        hours = rng.choice((1, 6, 24, 72))
        w.line(f"deadline = datetime.now(timezone.utc) + timedelta(hours={hours})")
        w.line(f'return f"{prefix}{{deadline:%Y-%m-%dT%H}}"')
    else:
        e.need("time")
        w.line(f'return f"{prefix}{{int(time.monotonic()) // 60}}"')


def body_random(e: Emitter, w: Writer, export: Export) -> None:
    rng, d = e.rng, e.module.domain
    w.line(f'"""A new random identifier for {d.plural}."""')
    prefix = f"{{{d.entity}_id}}-" if export.params else f"{d.entity[:3]}_"
    if return_through(e, w, export, prefix, chance=0.5):
        return
    source = rng.choice(
        (
            ("uuid", "uuid.uuid4().hex"),
            ("secrets", "secrets.token_urlsafe(12)"),
            ("random", "random.randint(0, 1_000_000)"),
            ("random", "random.getrandbits(32)"),
        )
    )
    e.need(source[0])
    w.line(f'return f"{prefix}{{{source[1]}}}"')


def body_io(e: Emitter, w: Writer, export: Export) -> None:
    layer = e.module.layer
    if layer == "repositories":
        body_repository(e, w, export)
    elif layer == "clients":
        body_http(e, w, export)
    else:
        dep = e.pick((IO,), awaits=export.is_async, chance=0.8)
        if dep is None:
            body_http(e, w, export)
        else:
            body_io_through(e, w, export, dep)


def body_http(e: Emitter, w: Writer, export: Export) -> None:
    rng, d = e.rng, e.module.domain
    id_expr, data_expr = id_and_data(export, d)
    action = export.name.split("_")[0]
    base = e.config("API_BASE_URL")
    timeout = e.config("HTTP_TIMEOUT")
    method = "post" if "data" in export.params else "get"
    body = f", json={data_expr}" if method == "post" else ""
    w.line(f'"""{action.title()} one {d.entity} through the HTTP API."""')
    url = f'f"/{d.plural}/{{{id_expr}}}/{action}"'
    if export.is_async:
        e.need("httpx")
        with w.block(f"async with httpx.AsyncClient(base_url={base}, timeout={timeout}) as http:"):
            w.line(f"response = await http.{method}({url}{body})")
    else:
        e.need("requests")
        headers = ""
        if rng.random() < 0.4:
            headers = ', headers={"accept": "application/json"}'
        w.line(f"response = requests.{method}(")
        w.line(f"    {base} + {url}{body}{headers}, timeout={timeout}")
        w.line(")")
    with w.block("if response.status_code == 404:"):
        w.line(f'logger.info("{d.entity} %s not found", {id_expr})')
        w.line(f'return {{"id": {id_expr}, "found": False}}')
    w.line("response.raise_for_status()")
    w.line("return response.json()")


def body_repository(e: Emitter, w: Writer, export: Export) -> None:
    d = e.module.domain
    id_expr, data_expr = id_and_data(export, d)
    e.project.setdefault("app.db.session", set()).add("SessionLocal")
    e.need("sqlalchemy", "text")
    verb = export.name.split("_")[0]
    if "data" in export.params:
        e.need("json")
        w.line(f'"""Stores a {verb} record of one {d.entity}."""')
        with w.block("with SessionLocal.begin() as session:"):
            w.line("session.execute(")
            columns = f"{d.entity}_id, kind, body"
            w.line(
                f'    text("INSERT INTO {d.entity}_events ({columns}) VALUES (:id, :kind, :body)"),'
            )
            w.line(f'    {{"id": {id_expr}, "kind": "{verb}", "body": json.dumps({data_expr})}},')
            w.line(")")
        w.line(f'return {{"id": {id_expr}, "{verb}": True}}')
        return
    w.line(f'"""Reads one {d.entity} row (an empty dict when there is none)."""')
    with w.block("with SessionLocal() as session:"):
        w.line("row = (")
        query = f'text("SELECT * FROM {d.plural} WHERE id = :id")'
        w.line(f'    session.execute({query}, {{"id": {id_expr}}})')
        w.line("    .mappings()")
        w.line("    .first()")
        w.line(")")
    w.line("return dict(row) if row else {}")


def body_io_through(e: Emitter, w: Writer, export: Export, dep: tuple[Module, Export]) -> None:
    rng, d = e.rng, e.module.domain
    id_expr, data_expr = id_and_data(export, d)
    w.line(f'"""{export.name.split("_")[0].title()} one {d.entity}, through its stored record."""')
    w.line(f"record = {e.call(dep, id_expr, data_expr)}")
    with w.block('if not record or record.get("found") is False:'):
        w.line(f'logger.warning("no record for {d.entity} %s", {id_expr})')
        w.line(f'return {{"id": {id_expr}, "status": "missing"}}')
    pure = e.pick((PURE,), awaits=False, chance=0.5)
    if pure is not None and "data" in pure[1].params:
        w.line(f"record = {{**record, **{e.call(pure, id_expr, 'record')}}}")
    elif e.privates and rng.random() < 0.5:
        w.line(f"record = {rng.choice(e.privates)}(record)")
    second = e.pick((IO,), awaits=export.is_async, chance=0.3)
    if second is not None:
        w.line(f"extra = {e.call(second, id_expr, 'record')}")
        w.line('record["extra"] = extra')
    w.line(f'return {{**record, "{export.name.split("_")[0]}": True}}')


def write_loader(
    e: Emitter, w: Writer, reader: tuple[Module, Export], id_name: str, data: str, *, chance: float
) -> str:
    """An inner `async def _load()` for a step to run: the value of `reader`, passed through
    an imported pure helper (with that chance); its name."""
    inner = e.fresh_local("_load")
    pure = e.pick((PURE,), awaits=False, chance=chance)
    w.blank()
    with w.block(f"async def {inner}() -> Any:"):
        w.line(f"value = {e.call(reader, id_name, data)}")
        if pure is not None and "data" in pure[1].params:
            wrapped = '{"value": value}'
            w.line(f"return {e.call(pure, id_name, wrapped)}")
        else:
            w.line("return value")
    return inner


def body_steps(e: Emitter, w: Writer, export: Export) -> None:
    """A workflow helper: called with the context, it runs steps."""
    rng, d = e.rng, e.module.domain
    id_name = f"{d.entity}_id"
    w.line(f'"""Runs one stage of the {d.plural} workflows; routes call it with their context."""')
    w.line("results: dict[str, Any] = {}")
    for _ in range(rng.randint(1, 3)):
        reader = e.pick(READERS, awaits=True, chance=0.85)
        step = '"' + e.step_name(f"{d.entity}-{export.name.split('_')[1]}") + '"'
        if reader is None:
            local = rng.choice(e.privates) if e.privates else "dict"
            w.line(f"results[{step}] = await context.run({step}, lambda: {local}(results))")
            continue
        call = e.call(reader, id_name, "results", awaited=False)
        if rng.random() < 0.35:
            inner = write_loader(e, w, reader, id_name, "results", chance=0.6)
            w.line(f"results[{step}] = await context.run({step}, {inner})")
        else:
            w.line(f"results[{step}] = await context.run({step}, lambda: {call})")
    if rng.random() < 0.5:
        duration = rng.choice(("30", "300", '"10m"', '"1h"'))
        w.line(f'await context.sleep("{e.step_name(f"{d.entity}-pause")}", {duration})')
    helper = e.pick((STEPS,), awaits=True, chance=0.5)
    if helper is not None:
        w.line(f"results.update({e.call(helper, id_name, '{}', context='context')})")
    w.line("return results")


WRITERS: dict[str, Callable[[Emitter, Writer, Export], None]] = {
    PURE: body_pure,
    CLOCK: body_clock,
    RANDOM: body_random,
    IO: body_io,
    STEPS: body_steps,
}


def write_cycle_bridge(e: Emitter, w: Writer, dep: Module) -> None:
    """The back edge of an import cycle: this module calls a module that imports it."""
    export = e.rng.choice(dep.exports)
    d = e.module.domain
    name = e.fresh_local(f"_via_{dep.dotted.rsplit('.', 1)[1]}")
    e.need("typing", "Any")
    keyword = "async def" if export.is_async or export.kind == STEPS else "def"
    context = "context: Any, " if export.kind == STEPS else ""
    data = f'{{"id": {d.entity}_id}}'
    with w.block(f"{keyword} {name}({context}{d.entity}_id: str) -> Any:"):
        w.line(f'"""Defers to {dep.dotted} (which imports this module: a cycle)."""')
        w.line(f"return {e.call((dep, export), f'{d.entity}_id', data, context='context')}")
    w.blank(2)


def write_service_class(e: Emitter, w: Writer) -> None:
    rng, d = e.rng, e.module.domain
    io = e.pick((IO,), awaits=True, chance=1.0)
    name = e.fresh_local(f"{d.entity.title()}{rng.choice(('Service', 'Manager', 'Gateway'))}")
    e.need("typing", "Any")
    doc = f"The {d.entity} operations of one tenant."
    with keyed_class(w, name, doc, d.entity, typing_generics=False):
        if io is not None:
            w.blank()
            keyword = "async def" if io[1].is_async else "def"
            with w.block(f"{keyword} load(self, item_id: str) -> dict[str, Any]:"):
                w.line(f"self._cache[item_id] = {e.call(io, 'self.key(item_id)', '{}')}")
                w.line("return self._cache[item_id]")
    w.blank(2)


def write_library_module(e: Emitter, target: int) -> str:
    """A utils, clients, repositories or services module of about `target` lines."""
    rng = e.rng
    module = e.module
    body = Writer()
    for _ in range(rng.randint(1, 3)):
        write_private_helper(e, body)
    exports = Writer()
    for export in module.exports:
        write_export(e, exports, export)
    for dep in module.back_edges:
        write_cycle_bridge(e, exports, dep)
    for dep in module.deps:
        if module in dep.back_edges:  # the other end of a cycle: use it for sure
            write_cycle_bridge(e, exports, dep)
    if module.layer == "services" and rng.random() < 0.4:
        write_service_class(e, exports)
    fillers = (write_private_helper, write_private_helper, write_dataclass, write_table)
    while len(body.lines) + len(exports.lines) + 25 < target:
        rng.choice(fillers)(e, body)
    e.need("logging")
    title = f"{module.layer.title()}: {module.domain.plural} ({module.dotted.rsplit('.', 1)[1]})."
    head = [f'"""{title}', "", f"Generated module {module.number}.", '"""', ""]
    head += e.imports()
    head += ["logger = logging.getLogger(__name__)", ""]
    if rng.random() < 0.5:
        head += [f"DEFAULT_LIMIT = {rng.choice((10, 25, 50, 100))}", ""]
    head.append("")
    return join(head, body, exports)


def join(head: list[str], *parts: Writer) -> str:
    lines = list(head)
    for part in parts:
        lines += part.lines
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


# Routes


def write_route(e: Emitter, w: Writer, number: int, *, forced: Export | None) -> None:
    rng, d = e.rng, e.module.domain
    action = d.actions[number % len(d.actions)]
    name = e.fresh_local(f"{action}_{d.entity}_workflow")
    path = f"/api/{d.plural}/{action.replace('_', '-')}-{e.module.number}-{number}"
    id_name = f"{d.entity}_id"
    decorated = rng.random() < 0.8
    context_type = e.need("upstash_workflow", "AsyncWorkflowContext")
    if decorated:
        options = f", retries={rng.randint(1, 5)}" if rng.random() < 0.2 else ""
        w.line(f'@serve.post("{path}"{options})')
    e.step_names.clear()
    outer_locals = set(e.locals)  # a route's variables are its own
    with w.block(f"async def {name}(context: {context_type}[dict[str, Any]]) -> None:"):
        if rng.random() < 0.3:
            w.line(f'"""Runs the {action} workflow of one {d.entity}."""')
        w.line("payload = context.request_payload or {}")
        w.line(f'{id_name} = str(payload["id"])')
        blocks = rng.randint(3, 7)
        mistake_at = rng.randrange(blocks) if rng.random() < MISTAKE_RATE else -1
        if forced is not None:
            mistake_at = 0
        first_line = len(w.lines)
        for index in range(blocks):
            if index == mistake_at:
                write_mistake(e, w, id_name, forced)
            else:
                rng.choice(ROUTE_BLOCKS)(e, w, id_name)
        if not any(makes_steps(line) for line in w.lines[first_line:]):
            route_sleep(e, w, id_name)  # every route makes a step (pure blocks only, else)
        if rng.random() < 0.4:
            w.line(f'logger.info("{name} finished for %s", {id_name})')
    e.locals = outer_locals | {name}
    w.blank(2)
    if not decorated:
        w.line(f'serve.post("{path}")({name})')
        w.blank(2)


def makes_steps(line: str) -> bool:
    return "context.run(" in line or "context.sleep(" in line or "(context," in line


RouteBlock = Callable[[Emitter, Writer, str], None]


def pick_or_write(
    e: Emitter,
    w: Writer,
    id_name: str,
    kinds: Sequence[str],
    *,
    otherwise: RouteBlock,
    awaits: bool = True,
) -> tuple[Module, Export] | None:
    """An imported helper of these kinds for a route block (async ones only if it awaits them);
    if there is none, None, the block `otherwise` written instead."""
    found = e.pick(kinds, awaits=awaits)
    if found is None:
        otherwise(e, w, id_name)
    return found


def route_step(e: Emitter, w: Writer, id_name: str) -> None:
    reader = pick_or_write(e, w, id_name, (IO, IO, CLOCK, RANDOM), otherwise=route_pure)
    if reader is None:
        return
    step = e.step_name(reader[1].name)
    call = (
        f'await context.run("{step}", lambda: {e.call(reader, id_name, "payload", awaited=False)})'
    )
    if e.rng.random() < 0.5 or reader[1].kind != IO:
        w.line(call)
        return
    var = e.fresh_local("result")
    w.line(f"{var} = {call}")
    with w.block(f'if {var}.get("status") == "missing":'):
        w.line(f'await context.sleep("{e.step_name("retry-wait")}", 60)')


def route_inner_def(e: Emitter, w: Writer, id_name: str) -> None:
    reader = pick_or_write(e, w, id_name, (IO,), otherwise=route_step)
    if reader is None:
        return
    inner = write_loader(e, w, reader, id_name, "payload", chance=0.7)
    var = e.fresh_local("loaded")
    w.blank()
    w.line(f'{var} = await context.run("{e.step_name(reader[1].name)}", {inner})')
    w.line(f'logger.info("loaded %s keys for %s", len({var}), {id_name})')


def route_pure(e: Emitter, w: Writer, id_name: str) -> None:
    pure = e.pick((PURE,), awaits=False)
    var = e.fresh_local("summary")
    if pure is None:
        w.line(f'{var} = {{"id": {id_name}, "fields": sorted(payload)}}')
    else:
        w.line(f"{var} = {e.call(pure, id_name, 'payload')}")
    w.line(f'logger.debug("summary for %s: %s", {id_name}, {var})')


def route_helper(e: Emitter, w: Writer, id_name: str) -> None:
    helper = pick_or_write(e, w, id_name, (STEPS,), otherwise=route_step)
    if helper is not None:
        w.line(e.call(helper, id_name, "{}", context="context"))


def route_sleep(e: Emitter, w: Writer, id_name: str) -> None:
    duration = e.rng.choice(('"10s"', "60", '"5m"', '"1h"', "300"))
    w.line(f'await context.sleep("{e.step_name("wait")}", {duration})')


def route_reader_in_step(e: Emitter, w: Writer, id_name: str) -> None:
    reader = pick_or_write(e, w, id_name, (CLOCK, RANDOM), otherwise=route_sleep, awaits=False)
    if reader is None:
        return
    var = e.fresh_local("stamp")
    call = e.call(reader, id_name, "payload")
    w.line(f'{var} = await context.run("{e.step_name(reader[1].name)}", lambda: {call})')
    w.line(f'await context.run("{e.step_name("record")}", lambda: {{"at": {var}}})')


ROUTE_BLOCKS: tuple[RouteBlock, ...] = (
    route_step,
    route_step,
    route_inner_def,
    route_pure,
    route_helper,
    route_helper,
    route_sleep,
    route_reader_in_step,
)


def write_mistake(e: Emitter, w: Writer, id_name: str, forced: Export | None) -> None:
    """A reader called outside a step, or a workflow helper called inside one."""
    if forced is not None:
        dep = next(m for m in e.module.deps if forced in m.exports)
        reader: tuple[Module, Export] | None = (dep, forced)
    else:
        reader = e.pick(READERS, awaits=True)
    helper = e.pick((STEPS,), awaits=True)
    if reader is not None and (forced is not None or helper is None or e.rng.random() < 0.7):
        var = e.fresh_local("started")
        w.line(f"{var} = {e.call(reader, id_name, 'payload')}")
        step = e.step_name("record-start")
        w.line(f'await context.run("{step}", lambda: {{"id": {id_name}, "at": {var}}})')
    elif helper is not None:
        inner = e.fresh_local("_stage_in_step")
        w.blank()
        with w.block(f"async def {inner}() -> None:"):
            w.line(e.call(helper, id_name, "{}", context="context"))
        w.line(f'await context.run("{e.step_name("stage")}", {inner})')


def write_route_module(e: Emitter, target: int) -> str:
    rng = e.rng
    module = e.module
    body = Writer()
    if rng.random() < 0.5:
        write_private_helper(e, body)
    routes = Writer()
    number = 0
    while number < 2 or len(body.lines) + len(routes.lines) + 20 < target:
        forced = module.forced_mistake if number == 0 else None
        write_route(e, routes, number, forced=forced)
        number += 1
    e.need("logging")
    e.need("typing", "Any")
    # `serve` comes from the application module, which imports the routes in turn.
    e.project.setdefault("app.main", set()).add("serve")
    d = module.domain
    head = [f'"""Workflow routes for {d.plural}: each runs as an Upstash Workflow."""', ""]
    head += e.imports()
    head += ["logger = logging.getLogger(__name__)", "", ""]
    return join(head, body, routes)


# Fixed modules


def main_module(plan: Plan) -> str:
    return "\n".join(
        [
            '"""The FastAPI application and the workflow `serve` object every route uses."""',
            "",
            "from __future__ import annotations",
            "",
            "import logging",
            "",
            "from fastapi import FastAPI",
            "from upstash_workflow.fastapi import Serve",
            "",
            "from app.core.config import SERVICE_NAME",
            "",
            "logging.basicConfig(level=logging.INFO)",
            "",
            "app = FastAPI(title=SERVICE_NAME)",
            "serve = Serve(app)",
            "",
            "",
            '@app.get("/health")',
            "async def health() -> dict[str, bool]:",
            '    return {"ok": True}',
            "",
            "",
            f"# The {len(plan.routes)} route modules register their workflows on `serve` when "
            "imported.",
            "import app.routes  # noqa: E402, F401",
            "",
        ]
    )


CONFIG_MODULE = '''"""Settings, read from the environment once, when the application starts."""

from __future__ import annotations

import os
from dataclasses import dataclass

SERVICE_NAME = os.environ.get("SERVICE_NAME", "workflows")
API_BASE_URL = os.environ.get("API_BASE_URL", "https://api.example.com/v1")
HTTP_TIMEOUT = float(os.environ.get("HTTP_TIMEOUT", "10"))
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg://localhost/app")
POOL_SIZE = int(os.environ.get("POOL_SIZE", "10"))


@dataclass(frozen=True)
class Settings:
    service_name: str = SERVICE_NAME
    api_base_url: str = API_BASE_URL
    http_timeout: float = HTTP_TIMEOUT
    database_url: str = DATABASE_URL


settings = Settings()
'''

SESSION_MODULE = '''"""The database engine and the session factory the repositories use."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.core.config import DATABASE_URL, POOL_SIZE

engine = create_engine(DATABASE_URL, pool_pre_ping=True, pool_size=POOL_SIZE)
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


def get_session() -> Iterator[Session]:
    """A session per request (a FastAPI dependency)."""
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()
'''


def package_module(package: str, plan: Plan) -> str:
    if package == "app.routes":
        names = sorted(m.dotted.rsplit(".", 1)[1] for m in plan.routes)
        lines = ['"""The workflow routes: importing a module registers its routes."""', ""]
        lines += ["from . import (  # noqa: F401", *(f"    {n}," for n in names), ")"]
        return "\n".join(lines) + "\n"
    pairs = plan.reexports.get(package, [])
    if not pairs:
        return ""
    lines = [f'"""The {package.rsplit(".", 1)[1]} services."""', ""]
    by_module: dict[str, list[str]] = {}
    for module, export in pairs:
        by_module.setdefault(module.dotted.rsplit(".", 1)[1], []).append(export.name)
    for stem, names in sorted(by_module.items()):
        lines.append(from_line(f".{stem}", sorted(names)))
    exported = sorted(export.name for _, export in pairs)
    lines += ["", "__all__ = [", *(f'    "{name}",' for name in exported), "]"]
    return "\n".join(lines) + "\n"


PYPROJECT = """[project]
name = "workflow-app"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["fastapi", "upstash-workflow", "sqlalchemy", "httpx", "requests"]
"""


def module_texts(modules: int = DEFAULT_MODULES, seed: int = DEFAULT_SEED) -> dict[str, str]:
    """Every file of the project, by its path relative to the root."""
    plan = plan_project(modules, seed)
    texts: dict[str, str] = {"pyproject.toml": PYPROJECT}
    for package in plan.packages:
        texts[package.replace(".", "/") + "/__init__.py"] = package_module(package, plan)
    texts["app/main.py"] = main_module(plan)
    texts["app/core/config.py"] = CONFIG_MODULE
    texts["app/db/session.py"] = SESSION_MODULE
    for module in plan.modules:
        rng = random.Random(f"{seed}-{module.number}")
        emitter = Emitter(module, plan, rng)
        target = rng.randint(100, 250)
        writer = write_route_module if module.layer == "routes" else write_library_module
        texts[module.path] = writer(emitter, target)
    return texts


def generate_project(
    root: Path, modules: int = DEFAULT_MODULES, seed: int = DEFAULT_SEED
) -> list[Path]:
    """Write the project under `root` (a `pyproject.toml` and the package `app/`); the paths
    of its `.py` files, sorted."""
    written = []
    for relative, text in module_texts(modules, seed).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if path.suffix == ".py":
            written.append(path)
    return sorted(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the project to (new or empty)")
    parser.add_argument("--modules", type=int, default=DEFAULT_MODULES)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    paths = generate_project(args.out, args.modules, args.seed)
    lines = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        ast.parse(text, filename=str(path))  # every generated module must be valid Python
        lines += text.count("\n")
    print(f"wrote {len(paths)} modules, {lines} lines, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
