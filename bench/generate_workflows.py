"""Generates a reproducible corpus of realistic Upstash Workflow modules for the benchmarks.

Each module is a FastAPI (async) or Flask (sync) application file of the kind wfcheck is run
on: imports, clients created at module level, models and pure helper functions that are not
workflow code, business functions that do the I/O, workflow helpers that receive the context,
and route functions registered with the SDK in the ways real code does it (decorators, the
call form, `serve`/`async_serve`, registration inside a function). Route bodies mix the step
styles of real code (inner defs, lambdas, default-argument lambdas in loops,
`functools.partial`, module-level functions), sleeps and calls, loops and branches on step
results, and reads of the clock, randomness and I/O both inside and outside steps. A minority
of routes carry the mistakes that wfcheck reports, so the corpus exercises both the quiet and
the reporting paths of every rule.

The output depends only on the seed and the count:

    .venv/bin/python bench/generate_workflows.py --out /tmp/workflows --count 400 --seed 1

`generate_corpus(seed, count)` returns the same modules in memory, as (name, text) pairs;
`generate_rebinding_module(routes, seed)` one module of that many routes that binds
`serve = Serve(app)` again before each (the `rebinding` corpus of `engine_speed.py`).
"""

from __future__ import annotations

import argparse
import ast
import random
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 20240601
DEFAULT_COUNT = 400

# Share of route functions that carry one of the mistakes wfcheck reports.
MISTAKE_RATE = 0.3


@dataclass(frozen=True)
class Domain:
    entity: str
    plural: str
    actions: tuple[str, ...]
    fields: tuple[str, ...]


DOMAINS = (
    Domain(
        "order",
        "orders",
        ("reserve", "charge", "pack", "ship", "invoice", "notify"),
        ("sku", "quantity", "price_cents", "currency", "email"),
    ),
    Domain(
        "user",
        "users",
        ("verify", "enrich", "welcome", "segment", "sync", "nudge"),
        ("email", "name", "plan", "country", "referrer"),
    ),
    Domain(
        "document",
        "documents",
        ("fetch", "extract", "summarise", "translate", "index", "publish"),
        ("url", "language", "title", "owner", "pages"),
    ),
    Domain(
        "invoice",
        "invoices",
        ("render", "send", "remind", "collect", "reconcile", "archive"),
        ("customer_id", "amount_cents", "due_date", "currency", "terms"),
    ),
    Domain(
        "video",
        "videos",
        ("download", "transcode", "thumbnail", "caption", "publish", "announce"),
        ("source_url", "resolution", "duration", "channel", "title"),
    ),
    Domain(
        "lead",
        "leads",
        ("score", "enrich", "assign", "email", "follow_up", "close"),
        ("company", "email", "source", "region", "budget"),
    ),
    Domain(
        "payout",
        "payouts",
        ("validate", "fx_quote", "transfer", "confirm", "notify", "ledger"),
        ("account_id", "amount_cents", "currency", "iban", "reference"),
    ),
    Domain(
        "report",
        "reports",
        ("collect", "aggregate", "render", "upload", "share", "cleanup"),
        ("period", "team", "format", "recipients", "timezone"),
    ),
    Domain(
        "ticket",
        "tickets",
        ("triage", "classify", "route", "reply", "escalate", "resolve"),
        ("subject", "priority", "customer_email", "product", "channel"),
    ),
    Domain(
        "shipment",
        "shipments",
        ("label", "book", "track", "deliver", "rate", "return"),
        ("carrier", "weight_grams", "postcode", "service", "insured"),
    ),
)

WORDS = (
    "alpha",
    "batch",
    "cache",
    "delta",
    "entry",
    "field",
    "group",
    "header",
    "index",
    "job",
    "key",
    "limit",
    "marker",
    "node",
    "offset",
    "page",
    "quota",
    "record",
    "slot",
    "token",
    "unit",
    "value",
    "window",
    "zone",
    "bucket",
    "cursor",
    "digest",
    "epoch",
    "flag",
    "grade",
)


class Writer:
    """Lines of Python with an indentation level."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.level = 0

    def line(self, text: str = "") -> None:
        self.lines.append("    " * self.level + text if text else "")

    def lines_of(self, *texts: str) -> None:
        for text in texts:
            self.line(text)

    @contextmanager
    def block(self, header: str) -> Iterator[None]:
        self.line(header)
        self.level += 1
        try:
            yield
        finally:
            self.level -= 1

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.line()

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


# The helpers from here to ModulePlan are also generate_project.py's (it imports them): a
# change to what they write changes both corpora.


def numbered(base: str, taken: set[str], separator: str = "_") -> str:
    """`base`, else `base_2`, `base_3`... (with `separator`): the first not in `taken`, which
    it joins."""
    name = base
    number = 2
    while name in taken:
        name = f"{base}{separator}{number}"
        number += 1
    taken.add(name)
    return name


def fresh_step_name(base: str, taken: set[str]) -> str:
    """A step name not in `taken` (which it joins): `base` with dashes, numbered if need be."""
    return numbered(base.replace("_", "-"), taken, "-")


# Statements of validation code that read the key of a field from a dict `data` into a dict
# `result`: the shapes 0 to FIELD_SHAPES - 1 of `write_field_statement`.
FIELD_SHAPES = 4


def write_field_statement(w: Writer, shape: int, field_: str, total: str) -> None:
    """Statement `shape` on the field `field_`; shape 2 sums entries into `result[total]`."""
    if shape == 0:
        with w.block(f'if "{field_}" in data and data["{field_}"] is not None:'):
            w.line(f'result["{field_}"] = str(data["{field_}"]).strip()')
        with w.block("else:"):
            w.line(f'result["{field_}"] = None')
    elif shape == 1:
        w.line(f'values = data.get("{field_}s") or []')
        w.line(f'result["{field_}s"] = sorted({{str(v).lower() for v in values if v}})')
    elif shape == 2:
        w.line("total = 0")
        with w.block('for entry in data.get("entries", []):'):
            with w.block('if entry.get("skip"):'):
                w.line("continue")
            w.line('total += int(entry.get("amount", 0)) * int(entry.get("count", 1))')
        w.line(f'result["{total}"] = total')
    elif shape == 3:
        with w.block("try:"):
            w.line(f'result["{field_}"] = int(data.get("{field_}", 0))')
        with w.block("except (TypeError, ValueError):"):
            w.line(f'result["{field_}"] = 0')
    else:
        raise ValueError(f"no field statement of shape {shape}")


@contextmanager
def keyed_class(
    w: Writer, name: str, doc: str, entity: str, *, typing_generics: bool
) -> Iterator[None]:
    """`class name:` with its docstring, an `__init__` of a namespace and an empty cache
    (`self._cache`, a dict), and `key(item_id)` that prefixes an id of `entity` with them; the
    methods written inside the `with` come next."""
    dict_ = "Dict" if typing_generics else "dict"
    with w.block(f"class {name}:"):
        w.line(f'"""{doc}"""')
        w.blank()
        with w.block('def __init__(self, namespace: str = "default") -> None:'):
            w.line("self.namespace = namespace")
            w.line(f"self._cache: {dict_}[str, Any] = {{}}")
        w.blank()
        with w.block("def key(self, item_id: str) -> str:"):
            w.line(f'return f"{{self.namespace}}:{entity}:{{item_id}}"')
        yield


def write_dataclass_body(
    w: Writer, name: str, entity: str, fields: list[str], *, returned: str, typing_generics: bool
) -> None:
    """`@dataclass class name` of `entity`'s id, `fields` and tags, with `to_dict` and a
    `from_dict` classmethod annotated as returning `returned`; the generics from `typing`
    (`Dict`, `List`) or built in (`dict`, `list`)."""
    dict_, list_ = ("Dict", "List") if typing_generics else ("dict", "list")
    w.line("@dataclass")
    with w.block(f"class {name}:"):
        w.line(f"{entity}_id: str")
        for f_ in fields:
            w.line(f"{f_}: Any = None")
        w.line(f"tags: {list_}[str] = field(default_factory=list)")
        w.blank()
        with w.block(f"def to_dict(self) -> {dict_}[str, Any]:"):
            w.line("return {")
            w.level += 1
            w.line(f'"{entity}_id": self.{entity}_id,')
            for f_ in fields:
                w.line(f'"{f_}": self.{f_},')
            w.line('"tags": list(self.tags),')
            w.level -= 1
            w.line("}")
        w.blank()
        w.line("@classmethod")
        with w.block(f"def from_dict(cls, data: {dict_}[str, Any]) -> {returned}:"):
            args = ", ".join(f'{f_}=data.get("{f_}")' for f_ in fields)
            w.line(
                f'return cls({entity}_id=str(data["id"]), {args}, '
                f'tags=[str(t) for t in data.get("tags", [])])'
            )
    w.blank(2)


@dataclass
class ModulePlan:
    """What one module has, so that the code generated for it only uses names it defines."""

    rng: random.Random
    domain: Domain
    is_async: bool
    flavor: str  # "fastapi", "flask", "serve-function"
    client: str  # "redis", "sql", "http"
    business: list[str] = field(default_factory=list)  # f(entity_id, data) -> dict
    zero_arg: list[str] = field(default_factory=list)  # module-level step functions
    pure: list[str] = field(default_factory=list)  # pure helpers: f(data) -> dict
    workflow_helpers: list[str] = field(default_factory=list)  # f(context, entity_id)
    routes: list[str] = field(default_factory=list)
    used_names: set[str] = field(default_factory=set)
    has_router: bool = False

    @property
    def aw(self) -> str:
        return "await " if self.is_async else ""

    @property
    def adef(self) -> str:
        return "async def" if self.is_async else "def"

    @property
    def context_type(self) -> str:
        return "AsyncWorkflowContext" if self.is_async else "WorkflowContext"

    def fresh(self, base: str) -> str:
        return numbered(base, self.used_names)


@dataclass
class RouteState:
    """The state of one route body being written."""

    ctx: str
    entity_id: str
    steps: int = 0
    results: list[str] = field(default_factory=list)
    step_names: set[str] = field(default_factory=set)
    variables: set[str] = field(default_factory=set)

    def step_name(self, base: str) -> str:
        return fresh_step_name(base, self.step_names)

    def var(self, base: str) -> str:
        return numbered(base, self.variables)


# --------------------------------------------------------------------------------------------
# Module parts that are not workflow code


def write_header(w: Writer, plan: ModulePlan, index: int) -> None:
    d = plan.domain
    kind = {"fastapi": "FastAPI", "flask": "Flask", "serve-function": "plain serve"}[plan.flavor]
    w.line(f'"""{d.entity.capitalize()} workflows ({kind}), generated module {index}.')
    w.blank()
    w.line(f"Steps: {', '.join(d.actions)}.")
    w.line('"""')
    w.blank()
    if plan.rng.random() < 0.7:
        w.line("from __future__ import annotations")
        w.blank()
    write_imports(w, plan)
    write_setup(w, plan)


def write_imports(w: Writer, plan: ModulePlan) -> None:
    imports = [
        "import functools",
        "import json",
        "import logging",
        "import os",
        "import random",
        "import time",
        "import uuid",
    ]
    if plan.is_async:
        imports.insert(0, "import asyncio")
    if plan.client == "sql" and not plan.is_async:
        imports.append("import sqlite3")
    w.lines_of(*sorted(imports))
    w.line("from dataclasses import dataclass, field")
    w.line("from datetime import datetime, timedelta, timezone")
    w.line("from typing import Any, Dict, List, Optional")
    w.blank()
    third_party = []
    if plan.is_async:
        third_party.append("import httpx")
    else:
        third_party.append("import requests")
    if plan.client == "redis":
        third_party.append(
            "from upstash_redis.asyncio import Redis"
            if plan.is_async
            else "from upstash_redis import Redis"
        )
    elif plan.client == "sql" and plan.is_async:
        third_party.append("from sqlalchemy import text")
        third_party.append("from sqlalchemy.ext.asyncio import create_async_engine")
    if plan.flavor == "fastapi":
        third_party.append("from fastapi import APIRouter, FastAPI")
        third_party.append("from upstash_workflow import AsyncWorkflowContext")
        third_party.append("from upstash_workflow.fastapi import Serve")
    elif plan.flavor == "flask":
        third_party.append("from flask import Flask, jsonify")
        third_party.append("from upstash_workflow import WorkflowContext")
        third_party.append("from upstash_workflow.flask import Serve")
    else:
        serve_fn = "async_serve" if plan.is_async else "serve"
        third_party.append(f"from upstash_workflow import {plan.context_type}, {serve_fn}")
    w.lines_of(*sorted(third_party, key=lambda line: line.split()[1]))
    w.blank()


def write_setup(w: Writer, plan: ModulePlan) -> None:
    d = plan.domain
    w.line("logger = logging.getLogger(__name__)")
    w.blank()
    if plan.flavor == "fastapi":
        if plan.rng.random() < 0.5:
            w.line("app = FastAPI()")
            w.line("serve = Serve(app)")
        else:
            w.line(f'router = APIRouter(prefix="/{d.plural}")')
            w.line("serve = Serve(router)")
            w.line("app = FastAPI()")
            plan.has_router = True
    elif plan.flavor == "flask":
        w.line("app = Flask(__name__)")
        w.line("serve = Serve(app)")
    w.blank()
    api = f"https://{d.plural}.example.com/v1"
    w.line(f'API_BASE = os.environ.get("{d.entity.upper()}_API", "{api}")')
    w.line(f"MAX_RETRIES = {plan.rng.randint(2, 6)}")
    w.line(f"BATCH_SIZE = {plan.rng.choice((10, 25, 50, 100))}")
    w.line(f'WEBHOOK_SECRET = os.environ.get("{d.entity.upper()}_WEBHOOK_SECRET", "")')
    if plan.client == "redis":
        w.line("redis = Redis.from_env()")
    elif plan.client == "sql":
        if plan.is_async:
            w.line('engine = create_async_engine(os.environ["DATABASE_URL"])')
        else:
            w.line('DB_PATH = os.environ.get("DB_PATH", "app.sqlite3")')
    w.blank(2)


def write_dataclass(w: Writer, plan: ModulePlan) -> None:
    d = plan.domain
    name = plan.fresh(
        f"{d.entity.capitalize()}{plan.rng.choice(('Line', 'Item', 'Event', 'Part'))}"
    )
    fields = plan.rng.sample(d.fields, k=plan.rng.randint(2, len(d.fields)))
    write_dataclass_body(w, name, d.entity, fields, returned=f'"{name}"', typing_generics=True)


def write_pure_function(w: Writer, plan: ModulePlan) -> None:
    """A pure helper of the kind real modules are full of: validation, normalisation."""
    rng = plan.rng
    d = plan.domain
    word = rng.choice(WORDS)
    name = plan.fresh(
        f"{rng.choice(('normalise', 'validate', 'summarise', 'build', 'merge'))}_{word}"
    )
    plan.pure.append(name)
    with w.block(f"def {name}(data: Dict[str, Any]) -> Dict[str, Any]:"):
        w.line(f'"""Turns the raw {word} data of a {d.entity} into the shape the steps expect."""')
        w.line("result: Dict[str, Any] = {}")
        for _ in range(rng.randint(1, 5)):
            f_ = rng.choice(d.fields)
            shape = rng.randrange(FIELD_SHAPES + 2)  # the shared ones, and two of its own
            if shape < FIELD_SHAPES:
                write_field_statement(w, shape, f_, f"{word}_total")
            elif shape == FIELD_SHAPES:
                w.line(f'key = "{f_}"')
                w.line(
                    "result[key] = data.get(key) if isinstance(data.get(key), str) else "
                    "json.dumps(data.get(key))"
                )
            else:
                w.line("result.update({")
                w.level += 1
                w.line('k: v for k, v in data.items() if not k.startswith("_") and v is not None')
                w.level -= 1
                w.line("})")
        w.line("return result")
    w.blank(2)


def write_repository_class(w: Writer, plan: ModulePlan) -> None:
    """A small class around the module's client: methods, properties, no workflow code."""
    rng = plan.rng
    d = plan.domain
    name = plan.fresh(f"{d.entity.capitalize()}Repository")
    with keyed_class(w, name, f"Access to stored {d.plural}.", d.entity, typing_generics=True):
        for _ in range(rng.randint(1, 4)):
            w.blank()
            method = plan.fresh(
                f"{rng.choice(('load', 'store', 'count', 'purge'))}_{rng.choice(WORDS)}"
            )
            with w.block(f"{plan.adef} {method}(self, item_id: str) -> Optional[Dict[str, Any]]:"):
                w.line("if item_id in self._cache:")
                w.line("    return self._cache[item_id]")
                w.line(_io_expression(plan, "item_id", "value"))
                w.line("self._cache[item_id] = value")
                w.line("return value")
    w.blank(2)


def _io_expression(plan: ModulePlan, id_expr: str, target: str) -> str:
    """One line that does the module's kind of I/O and assigns a dict-like value to target."""
    aw = plan.aw
    if plan.client == "redis":
        return (
            f'{target} = json.loads({aw}redis.get(f"{plan.domain.entity}:{{{id_expr}}}") or "{{}}")'
        )
    if plan.client == "sql" and plan.is_async:
        return f"{target} = dict((await _fetch_row({id_expr})) or {{}})"
    if plan.client == "sql":
        return f"{target} = dict(_fetch_row({id_expr}) or {{}})"
    if plan.is_async:
        return f'{target} = (await _http.get(f"/{plan.domain.plural}/{{{id_expr}}}")).json()'
    url = f'f"{{API_BASE}}/{plan.domain.plural}/{{{id_expr}}}"'
    return f"{target} = requests.get({url}, timeout=10).json()"


def write_client_helpers(w: Writer, plan: ModulePlan) -> None:
    if plan.client == "sql":
        if plan.is_async:
            with w.block("async def _fetch_row(item_id: str) -> Optional[Dict[str, Any]]:"):
                with w.block("async with engine.connect() as connection:"):
                    w.line("result = await connection.execute(")
                    query = f"SELECT * FROM {plan.domain.plural} WHERE id = :id"
                    w.line(f'    text("{query}"), {{"id": item_id}}')
                    w.line(")")
                    w.line("row = result.mappings().first()")
                w.line("return dict(row) if row else None")
        else:
            with w.block("def _fetch_row(item_id: str) -> Optional[Dict[str, Any]]:"):
                with w.block("with sqlite3.connect(DB_PATH) as connection:"):
                    w.line("connection.row_factory = sqlite3.Row")
                    w.line("row = connection.execute(")
                    w.line(f'    "SELECT * FROM {plan.domain.plural} WHERE id = ?", (item_id,)')
                    w.line(").fetchone()")
                w.line("return dict(row) if row else None")
        w.blank(2)
    elif plan.client == "http" and plan.is_async:
        w.line("_http = httpx.AsyncClient(base_url=API_BASE, timeout=10)")
        w.blank(2)


def write_business_function(w: Writer, plan: ModulePlan, action: str) -> None:
    """The function a step calls: it does the I/O of one action."""
    rng = plan.rng
    d = plan.domain
    name = plan.fresh(f"{action}_{d.entity}")
    plan.business.append(name)
    with w.block(
        f"{plan.adef} {name}({d.entity}_id: str, data: Dict[str, Any]) -> Dict[str, Any]:"
    ):
        w.line(f'"""{action.replace("_", " ").capitalize()} one {d.entity}."""')
        shape = rng.randrange(3)
        if shape == 0 or plan.client == "http":
            if plan.is_async:
                with w.block(
                    "async with httpx.AsyncClient(base_url=API_BASE, timeout=10) as client:"
                ):
                    w.line(
                        f'response = await client.post(f"/{d.plural}/{{{d.entity}_id}}/{action}", '
                        f"json=data)"
                    )
                    w.line("response.raise_for_status()")
                    w.line("return response.json()")
            else:
                w.line(
                    f'response = requests.post(f"{{API_BASE}}/{d.plural}/{{{d.entity}_id}}/'
                    f'{action}", json=data, timeout=10)'
                )
                w.line("response.raise_for_status()")
                w.line("return response.json()")
        elif shape == 1 and plan.client == "redis":
            w.line(f'key = f"{d.entity}:{{{d.entity}_id}}:{action}"')
            w.line(f"cached = {plan.aw}redis.get(key)")
            with w.block("if cached:"):
                w.line("return json.loads(cached)")
            w.line(f'result = {{"id": {d.entity}_id, "action": "{action}", **data}}')
            w.line(f"{plan.aw}redis.set(key, json.dumps(result), ex=3600)")
            w.line("return result")
        else:
            w.line(_io_expression(plan, f"{d.entity}_id", "row"))
            w.line(f'row.update({{"{action}": True, "attempt": data.get("attempt", 0) + 1}})')
            w.line("return row")
    w.blank(2)


def write_zero_arg_function(w: Writer, plan: ModulePlan) -> None:
    name = plan.fresh(f"load_{plan.rng.choice(WORDS)}_settings")
    plan.zero_arg.append(name)
    with w.block(f"def {name}() -> Dict[str, Any]:"):
        w.line("return {")
        w.line('    "region": os.environ.get("REGION", "eu-west-1"),')
        w.line('    "limit": int(os.environ.get("LIMIT", "100")),')
        w.line('    "loaded_at": datetime.now(timezone.utc).isoformat(),')
        w.line("}")
    w.blank(2)


def write_plain_endpoint(w: Writer, plan: ModulePlan) -> None:
    """A framework route that is not a workflow: the clock and I/O here are fine."""
    if plan.flavor == "fastapi":
        name = plan.fresh("health")
        w.line(f'@app.get("/{name}")')
        with w.block(f"async def {name}() -> Dict[str, Any]:"):
            w.line(
                'return {"ok": True, "time": datetime.now(timezone.utc).isoformat(), '
                '"id": str(uuid.uuid4())}'
            )
    elif plan.flavor == "flask":
        name = plan.fresh("status")
        w.line(f'@app.get("/{name}")')
        with w.block(f"def {name}():"):
            w.line("return jsonify(ok=True, time=time.time(), worker=random.randint(1, 8))")
    else:
        return
    w.blank(2)


# --------------------------------------------------------------------------------------------
# Workflow code


def write_workflow_helper(w: Writer, plan: ModulePlan) -> None:
    """A helper that receives the context and runs steps: workflow code, like a route body."""
    rng = plan.rng
    d = plan.domain
    name = plan.fresh(f"run_{rng.choice(d.actions)}_stage")
    plan.workflow_helpers.append(name)
    annotated = rng.random() < 0.6
    ctx_param = f"context: {plan.context_type}" if annotated else "context"
    with w.block(f"{plan.adef} {name}({ctx_param}, {d.entity}_id: str) -> List[Any]:"):
        w.line('"""Runs one stage of the workflow; called from the route with the context."""')
        state = RouteState(ctx="context", entity_id=f"{d.entity}_id")
        state.step_names.add(name)
        w.line("results: List[Any] = []")
        for _ in range(rng.randint(1, 3)):
            action = rng.choice(plan.business)
            var = state.var("outcome")
            step = state.step_name(f"{name}-{action}")
            w.line(
                f'{var} = {plan.aw}context.run(f"{step}-{{{d.entity}_id}}", '
                f"lambda: {action}({d.entity}_id, {{}}))"
            )
            w.line(f"results.append({var})")
        if rng.random() < 0.5:
            w.line(
                f'{plan.aw}context.sleep("{state.step_name(name + "-pause")}", '
                f"{rng.choice(('5', '30', repr('1m')))})"
            )
        w.line("return results")
    w.blank(2)


def step_call(plan: ModulePlan, state: RouteState, name_expr: str, function: str) -> str:
    return f"{plan.aw}{state.ctx}.run({name_expr}, {function})"


def block_inner_def_step(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    rng = plan.rng
    action = rng.choice(plan.business)
    fn = state.var(f"_{action}")
    result = state.var(f"{action.split('_')[0]}_result")
    name = state.step_name(action)
    if rng.random() < 0.7:
        w.blank()
    with w.block(f"{plan.adef} {fn}() -> Dict[str, Any]:"):
        extra = rng.randrange(5)
        data = "payload"
        if extra == 0:
            # Clock and randomness inside the step: recorded once, fine.
            w.line('data = {**payload, "requested_at": datetime.now(timezone.utc).isoformat(),')
            w.line('        "nonce": uuid.uuid4().hex}')
            data = "data"
        elif extra == 1 and plan.pure:
            w.line(f"data = {rng.choice(plan.pure)}(payload)")
            data = "data"
        elif extra == 2:
            w.line(f'logger.info("running {name} for %s", {state.entity_id})')
        elif extra == 3 and state.results:
            w.line(f'data = {{**payload, "previous": {rng.choice(state.results)}}}')
            data = "data"
        w.line(f"return {plan.aw}{action}({state.entity_id}, {data})")
    w.line(f"{result} = {step_call(plan, state, repr(name), fn)}")
    state.results.append(result)
    state.steps += 1


def block_lambda_step(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    action = plan.rng.choice(plan.business)
    result = state.var(f"{action.split('_')[0]}_result")
    name = state.step_name(action)
    function = f"lambda: {action}({state.entity_id}, payload)"
    w.line(f"{result} = {step_call(plan, state, repr(name), function)}")
    state.results.append(result)
    state.steps += 1


def block_partial_step(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    action = plan.rng.choice(plan.business)
    result = state.var(f"{action.split('_')[0]}_result")
    name = state.step_name(action)
    w.line(f"{result} = {plan.aw}{state.ctx}.run(")
    w.line(
        f'    "{name}", functools.partial({action}, {state.entity_id}, {{"source": "workflow"}})'
    )
    w.line(")")
    state.results.append(result)
    state.steps += 1


def block_module_function_step(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    if not plan.zero_arg:
        block_lambda_step(w, plan, state)
        return
    fn = plan.rng.choice(plan.zero_arg)
    result = state.var("settings")
    w.line(f"{result} = {step_call(plan, state, repr(state.step_name(fn)), fn)}")
    state.results.append(result)
    state.steps += 1


def block_sleep(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    rng = plan.rng
    kind = rng.randrange(3)
    if kind == 0:
        duration = rng.choice(('"10s"', "60", '"5m"', '"1h"', '"1d"', "300"))
        w.line(f'{plan.aw}{state.ctx}.sleep("{state.step_name("wait")}", {duration})')
    elif kind == 1:
        # The clock in sleep_until's argument is read only when the step first runs.
        w.line(
            f'{plan.aw}{state.ctx}.sleep_until("{state.step_name("wait-until")}", '
            f"time.time() + {rng.choice((30, 600, 3600, 86400))})"
        )
    else:
        days = rng.randint(1, 7)
        w.line(f'{plan.aw}{state.ctx}.sleep("{state.step_name("cool-down")}", {days} * 24 * 3600)')
    state.steps += 1


def block_call(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    response = state.var("response")
    w.line(f"{response} = {plan.aw}{state.ctx}.call(")
    w.line(f'    "{state.step_name("notify-partner")}",')
    w.line(f'    url=f"{{API_BASE}}/hooks/{plan.domain.entity}",')
    w.line('    method="POST",')
    w.line(
        f'    body={{"id": {state.entity_id}, "sent_at": datetime.now(timezone.utc).isoformat()}},'
    )
    w.line('    headers={"content-type": "application/json"},')
    w.line(")")
    with w.block(f"if {response}.status_code >= 400:"):
        w.line(f'logger.warning("partner hook failed with %s", {response}.status_code)')
    state.steps += 1


def block_loop_over_result(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    rng = plan.rng
    d = plan.domain
    items = state.var("items")
    lister = rng.choice(plan.business)
    list_name = repr(state.step_name("list-" + d.plural))
    function = f"lambda: {lister}({state.entity_id}, {{}})"
    w.line(f"{items} = {step_call(plan, state, list_name, function)}")
    worker = rng.choice(plan.business)
    shape = rng.randrange(3)
    base = state.step_name(f"process-{worker}")
    if shape == 0:
        with w.block(f'for index, item in enumerate({items}.get("items", [])):'):
            w.line(
                f'{plan.aw}{state.ctx}.run(f"{base}-{{index}}", '
                f'lambda item=item: {worker}(str(item["id"]), item))'
            )
    elif shape == 1:
        batches = state.var("batches")
        w.line(
            f'{batches} = [{items}.get("items", [])[i:i + BATCH_SIZE] '
            f'for i in range(0, len({items}.get("items", [])), BATCH_SIZE)]'
        )
        with w.block(f"for number, batch in enumerate({batches}):"):
            fn = state.var("_process_batch")
            with w.block(f"{plan.adef} {fn}(batch=batch) -> List[Dict[str, Any]]:"):
                w.line(f"return [{plan.aw}{worker}(str(entry['id']), entry) for entry in batch]")
            w.line(f'{plan.aw}{state.ctx}.run(f"{base}-batch-{{number}}", {fn})')
    else:
        # The official examples reuse one constant name in a loop.
        with w.block(f'for item in {items}.get("items", []):'):
            with w.block('if item.get("done"):'):
                w.line("continue")
            function = f'lambda item=item: {worker}(str(item["id"]), item)'
            w.line(f'{plan.aw}{state.ctx}.run("{base}", {function})')
    state.steps += 2


def block_branch_on_result(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    rng = plan.rng
    if not state.results:
        block_lambda_step(w, plan, state)
    subject = rng.choice(state.results)
    first, second = rng.choice(plan.business), rng.choice(plan.business)
    with w.block(f'if {subject}.get("status") == "{rng.choice(("approved", "ok", "ready"))}":'):
        w.line(
            f'{plan.aw}{state.ctx}.run("{state.step_name(first)}", '
            f"lambda: {first}({state.entity_id}, {subject}))"
        )
    if rng.random() < 0.6:
        with w.block(f'elif {subject}.get("retry") and payload.get("attempt", 0) < MAX_RETRIES:'):
            w.line(f'{plan.aw}{state.ctx}.sleep("{state.step_name("retry-wait")}", 30)')
    with w.block("else:"):
        w.line(
            f'{plan.aw}{state.ctx}.run("{state.step_name(second)}", '
            f"lambda: {second}({state.entity_id}, payload))"
        )
    state.steps += 1


def block_polling(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    checker = plan.rng.choice(plan.business)
    status = state.var("status")
    attempt = state.var("attempt")
    base = state.step_name("poll")
    w.line(f"{attempt} = 0")
    function = f"lambda: {checker}({state.entity_id}, {{}})"
    w.line(f'{status} = {plan.aw}{state.ctx}.run("{base}-0", {function})')
    with w.block(f'while {status}.get("state") != "done" and {attempt} < MAX_RETRIES:'):
        w.line(f"{attempt} += 1")
        w.line(f'{plan.aw}{state.ctx}.sleep(f"{base}-wait-{{{attempt}}}", 10 * {attempt})')
        w.line(
            f'{status} = {plan.aw}{state.ctx}.run(f"{base}-{{{attempt}}}", '
            f"lambda: {checker}({state.entity_id}, {{}}))"
        )
    state.results.append(status)
    state.steps += 2


def block_match(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    rng = plan.rng
    actions = rng.sample(plan.business, k=min(3, len(plan.business)))
    with w.block('match payload.get("kind"):'):
        for number, action in enumerate(actions):
            pattern = f'"{rng.choice(WORDS)}{number}"'
            with w.block(f"case {pattern}:"):
                w.line(
                    f'{plan.aw}{state.ctx}.run("{state.step_name(action)}", '
                    f"lambda: {action}({state.entity_id}, payload))"
                )
        with w.block("case _:"):
            w.line(f'logger.info("no special handling for %s", {state.entity_id})')
    state.steps += 1


def block_helper_call(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    if not plan.workflow_helpers:
        block_inner_def_step(w, plan, state)
        return
    helper = plan.rng.choice(plan.workflow_helpers)
    var = state.var("stage_results")
    w.line(f"{var} = {plan.aw}{helper}({state.ctx}, {state.entity_id})")
    state.steps += 1


def block_pure_computation(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    rng = plan.rng
    var = state.var("summary")
    if state.results and rng.random() < 0.6:
        source = rng.choice(state.results)
        w.line(f'{var} = {{key: value for key, value in {source}.items() if key != "raw"}}')
    elif plan.pure:
        w.line(f"{var} = {rng.choice(plan.pure)}(payload)")
    else:
        w.line(f'{var} = {{"id": {state.entity_id}, "fields": sorted(payload)}}')
    if rng.random() < 0.5:
        w.line(f'logger.debug("summary for %s: %s", {state.entity_id}, {var})')


def block_try_parse(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    var = state.var("limit")
    with w.block("try:"):
        w.line(f'{var} = int(payload.get("limit", BATCH_SIZE))')
    with w.block("except (TypeError, ValueError):"):
        w.line(f"{var} = BATCH_SIZE")


CORRECT_BLOCKS: tuple[tuple[Callable[[Writer, ModulePlan, RouteState], None], int], ...] = (
    (block_inner_def_step, 6),
    (block_lambda_step, 5),
    (block_partial_step, 2),
    (block_module_function_step, 1),
    (block_sleep, 3),
    (block_call, 1),
    (block_loop_over_result, 2),
    (block_branch_on_result, 3),
    (block_polling, 1),
    (block_match, 1),
    (block_helper_call, 2),
    (block_pure_computation, 3),
    (block_try_parse, 1),
)


# Mistakes, written the way real code makes them.


def _source_expression(plan: ModulePlan, kind: str) -> str:
    if kind == "clock":
        return plan.rng.choice(
            ("datetime.now(timezone.utc).hour", "time.time()", "datetime.utcnow().weekday()")
        )
    if kind == "random":
        return plan.rng.choice(("random.random()", "random.randint(0, 9)", "uuid.uuid4().hex"))
    if plan.client == "redis":
        return f'{plan.aw}redis.get(f"{plan.domain.entity}:{{{plan.domain.entity}_id}}:flag")'
    if plan.is_async:
        return (
            f'(await _http.get(f"/{plan.domain.plural}/flags")).json().get("enabled")'
            if plan.client == "http"
            else f"{plan.aw}{plan.business[0]}({plan.domain.entity}_id, {{}})"
        )
    return 'requests.get(f"{API_BASE}/flags", timeout=5).json().get("enabled")'


def mistake_branch(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    var = state.var("flag")
    kind = plan.rng.choice(("clock", "random", "io"))
    w.line(f"{var} = {_source_expression(plan, kind)}")
    action = plan.rng.choice(plan.business)
    with w.block(f"if {var}:"):
        w.line(
            f'{plan.aw}{state.ctx}.run("{state.step_name(action)}", '
            f"lambda: {action}({state.entity_id}, payload))"
        )
    state.steps += 1


def mistake_step_name(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    action = plan.rng.choice(plan.business)
    key = state.var("run_key")
    source = plan.rng.choice(("str(uuid.uuid4())", "int(time.time())", "random.getrandbits(32)"))
    w.line(f"{key} = {source}")
    function = f"lambda: {action}({state.entity_id}, payload)"
    w.line(f'{plan.aw}{state.ctx}.run(f"{action}-{{{key}}}", {function})')
    state.steps += 1


def mistake_nonlocal(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    action = plan.rng.choice(plan.business)
    var = state.var("outcome")
    fn = state.var("_step")
    w.line(f"{var} = None")
    w.blank()
    with w.block(f"{plan.adef} {fn}() -> None:"):
        w.line(f"nonlocal {var}")
        w.line(f"{var} = {plan.aw}{action}({state.entity_id}, payload)")
    w.line(f'{plan.aw}{state.ctx}.run("{state.step_name(action)}", {fn})')
    state.results.append(f"({var} or {{}})")
    state.steps += 1


def mistake_outer_list(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    action = plan.rng.choice(plan.business)
    collected = state.var("collected")
    fn = state.var("_collect")
    w.line(f"{collected}: List[Dict[str, Any]] = []")
    with (
        w.block(f"{plan.adef} {fn}() -> None:"),
        w.block('for entry in payload.get("entries", []):'),
    ):
        w.line(f'{collected}.append({plan.aw}{action}(str(entry["id"]), entry))')
    w.line(f'{plan.aw}{state.ctx}.run("{state.step_name(action)}", {fn})')
    w.line(
        f'{plan.aw}{state.ctx}.run("{state.step_name("store-collected")}", '
        f'lambda: {plan.rng.choice(plan.business)}({state.entity_id}, {{"items": {collected}}}))'
    )
    state.steps += 2


def mistake_nested(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    action = plan.rng.choice(plan.business)
    fn = state.var("_with_pause")
    with w.block(f"{plan.adef} {fn}() -> Dict[str, Any]:"):
        if plan.workflow_helpers and plan.rng.random() < 0.5:
            w.line(
                f"{plan.aw}{plan.rng.choice(plan.workflow_helpers)}({state.ctx}, {state.entity_id})"
            )
        else:
            w.line(f'{plan.aw}{state.ctx}.sleep("{state.step_name("inner-wait")}", 5)')
        w.line(f"return {plan.aw}{action}({state.entity_id}, payload)")
    w.line(f'{plan.aw}{state.ctx}.run("{state.step_name(action)}", {fn})')
    state.steps += 1


def mistake_gather(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    if not plan.is_async:
        mistake_branch(w, plan, state)
        return
    actions = plan.rng.sample(plan.business, k=min(plan.rng.randint(2, 3), len(plan.business)))
    if len(actions) < 2:
        actions = actions * 2
    w.line("await asyncio.gather(")
    for action in actions:
        w.line(
            f'    {state.ctx}.run("{state.step_name(action)}", '
            f"lambda: {action}({state.entity_id}, payload)),"
        )
    w.line(")")
    state.steps += 1


def mistake_source_logged(w: Writer, plan: ModulePlan, state: RouteState) -> None:
    var = state.var("started")
    w.line(f"{var} = {plan.rng.choice(('datetime.now(timezone.utc)', 'time.monotonic()'))}")
    w.line(f'logger.info("workflow step at %s for %s", {var}, {state.entity_id})')


MISTAKE_BLOCKS = (
    (mistake_branch, 3),
    (mistake_step_name, 2),
    (mistake_nonlocal, 2),
    (mistake_outer_list, 2),
    (mistake_nested, 2),
    (mistake_gather, 2),
    (mistake_source_logged, 2),
)


def _weighted(rng: random.Random, table):
    functions = [entry[0] for entry in table]
    weights = [entry[1] for entry in table]
    return rng.choices(functions, weights=weights, k=1)[0]


def write_route(w: Writer, plan: ModulePlan, number: int) -> None:
    rng = plan.rng
    d = plan.domain
    action = d.actions[number % len(d.actions)]
    name = plan.fresh(f"{action}_{d.entity}_workflow")
    plan.routes.append(name)
    path = f"/api/{d.plural}/{action.replace('_', '-')}-{number}"
    ctx = rng.choice(("context", "context", "context", "ctx", "wf"))
    annotation = rng.choice((f"{plan.context_type}[Dict[str, Any]]", plan.context_type, None))
    param = f"{ctx}: {annotation}" if annotation else ctx
    registration = rng.randrange(4)
    decorated = plan.flavor != "serve-function" and registration < 3
    if decorated:
        method = "post" if plan.flavor == "fastapi" else "route"
        options = ""
        if rng.random() < 0.3:
            options = f", retries={rng.randint(1, 5)}"
        w.line(f'@serve.{method}("{path}"{options})')
    state = RouteState(ctx=ctx, entity_id=f"{d.entity}_id")
    state.variables.update({"payload", state.entity_id})
    with w.block(f"{plan.adef} {name}({param}) -> None:"):
        if rng.random() < 0.3:
            w.line(f'"""Runs the {action} workflow for one {d.entity}."""')
        w.line(f"payload = {ctx}.request_payload or {{}}")
        w.line(f'{state.entity_id} = str(payload["id"])')
        if rng.random() < 0.35:
            # A deterministic early return, as in the official examples.
            with w.block(f'if {ctx}.headers.get("x-webhook-secret") != WEBHOOK_SECRET:'):
                w.line("return")
        mistake = rng.random() < MISTAKE_RATE
        if mistake and rng.random() < 0.2:
            # The cache read before the first step followed by an early return.
            seen = state.var("already_done")
            w.line(f"{seen} = {_source_expression(plan, 'io')}")
            with w.block(f"if {seen}:"):
                w.line("return")
        if mistake and rng.random() < 0.06:
            # A placeholder route without steps.
            w.line(f'logger.info("TODO: implement {name} for %s", {state.entity_id})')
        else:
            write_route_blocks(w, plan, state, name, mistake=mistake)
    w.blank(2)
    _register_call(w, plan, name, path, decorated)


def write_route_blocks(
    w: Writer, plan: ModulePlan, state: RouteState, name: str, *, mistake: bool
) -> None:
    rng = plan.rng
    block_count = rng.choice((2, 3, 4, 5, 6, 8, 10, 14))
    mistake_at = rng.randrange(block_count) if mistake else -1
    for index in range(block_count):
        if index == mistake_at:
            _weighted(rng, MISTAKE_BLOCKS)(w, plan, state)
        else:
            _weighted(rng, CORRECT_BLOCKS)(w, plan, state)
        if rng.random() < 0.3:
            w.blank()
    if state.steps == 0:
        block_inner_def_step(w, plan, state)
    if rng.random() < 0.4:
        w.line(f'logger.info("{name} finished for %s", {state.entity_id})')


def _register_call(w: Writer, plan: ModulePlan, name: str, path: str, decorated: bool) -> None:
    if decorated:
        return
    if plan.flavor == "fastapi":
        w.line(f'serve.post("{path}")({name})')
    elif plan.flavor == "flask":
        w.line(f'serve.route("{path}")({name})')
    else:
        serve_fn = "async_serve" if plan.is_async else "serve"
        w.line(f'{name}_handler = {serve_fn}({name}, retries=MAX_RETRIES)["handler"]')
    w.blank(2)


def write_failure_function(w: Writer, plan: ModulePlan) -> None:
    """Not workflow code: runs once after the run failed; clock and I/O are fine here."""
    name = plan.fresh(f"on_{plan.domain.entity}_failure")
    with w.block(f"{plan.adef} {name}(context, fail_status, fail_response, fail_headers):"):
        w.line(
            'logger.error("workflow failed at %s: %s %s", datetime.now(timezone.utc), '
            "fail_status, fail_response)"
        )
        if plan.client == "redis":
            w.line(f'{plan.aw}redis.set(f"failed:{{context.workflow_run_id}}", fail_response)')
    w.blank(2)
    if plan.flavor == "fastapi":
        w.line(f'@serve.post("/api/{plan.domain.plural}/guarded", failure_function={name})')
        with w.block(
            f"async def guarded_{plan.domain.entity}(context: AsyncWorkflowContext) -> None:"
        ):
            w.line(
                f'await context.run("guarded", lambda: {plan.business[0]}('
                f'str(context.request_payload["id"]), {{}}))'
            )
        w.blank(2)
    elif plan.flavor == "flask":
        w.line(f'@serve.route("/api/{plan.domain.plural}/guarded", failure_function={name})')
        with w.block(f"def guarded_{plan.domain.entity}(context: WorkflowContext) -> None:"):
            w.line(
                f'context.run("guarded", lambda: {plan.business[0]}('
                f'str(context.request_payload["id"]), {{}}))'
            )
        w.blank(2)


def write_register_function(w: Writer, plan: ModulePlan) -> None:
    """Registration inside a function, with the import inside it too (seen in real code)."""
    if plan.flavor != "fastapi":
        return
    d = plan.domain
    with w.block("def register_extra_workflows(target: FastAPI) -> None:"):
        w.line("from upstash_workflow.fastapi import Serve as ExtraServe")
        w.blank()
        w.line("extra = ExtraServe(target)")
        w.blank()
        w.line(f'@extra.post("/api/{d.plural}/extra")')
        with w.block(f"async def extra_{d.entity}(context) -> None:"):
            action = plan.rng.choice(plan.business)
            w.line(f'{d.entity}_id = str(context.request_payload["id"])')
            function = f"lambda: {action}({d.entity}_id, {{}})"
            w.line(f'first = await context.run("extra-{action}", {function})')
            with w.block('if first.get("next"):'):
                w.line('await context.sleep("extra-wait", "1m")')
    w.blank(2)


def generate_module(seed: int, index: int) -> tuple[str, str]:
    """One module: (file name, text). Deterministic in (seed, index)."""
    rng = random.Random(f"{seed}-{index}")
    flavor = rng.choices(("fastapi", "flask", "serve-function"), weights=(5, 3, 1))[0]
    is_async = flavor == "fastapi" or (flavor == "serve-function" and rng.random() < 0.5)
    plan = ModulePlan(
        rng=rng,
        domain=rng.choice(DOMAINS),
        is_async=is_async,
        flavor=flavor,
        client=rng.choice(("redis", "sql", "http")),
    )
    size = rng.choices(("small", "medium", "large", "huge"), weights=(35, 40, 20, 5))[0]
    routes, fillers = {
        "small": (rng.randint(1, 2), rng.randint(0, 3)),
        "medium": (rng.randint(2, 5), rng.randint(3, 12)),
        "large": (rng.randint(5, 12), rng.randint(10, 30)),
        "huge": (rng.randint(15, 30), rng.randint(30, 80)),
    }[size]
    w = Writer()
    write_header(w, plan, index)
    write_client_helpers(w, plan)
    for _ in range(rng.randint(0, 2) + fillers // 8):
        write_dataclass(w, plan)
    for _ in range(fillers):
        rng.choice((write_pure_function, write_pure_function, write_repository_class))(w, plan)
    for action in plan.domain.actions:
        write_business_function(w, plan, action)
    if rng.random() < 0.5:
        write_zero_arg_function(w, plan)
    for _ in range(rng.randint(0, 2 if routes < 5 else 4)):
        write_workflow_helper(w, plan)
    for number in range(routes):
        write_route(w, plan, number)
    if rng.random() < 0.5:
        write_plain_endpoint(w, plan)
    if rng.random() < 0.3:
        write_failure_function(w, plan)
    if rng.random() < 0.2:
        write_register_function(w, plan)
    if plan.has_router:
        w.line("app.include_router(router)")
    name = f"wf_{index:04d}_{plan.domain.plural}_{flavor.replace('-', '_')}.py"
    return name, w.text()


def generate_corpus(seed: int = DEFAULT_SEED, count: int = DEFAULT_COUNT) -> list[tuple[str, str]]:
    return [generate_module(seed, index) for index in range(count)]


def write_short_route(w: Writer, plan: ModulePlan, number: int) -> None:
    """`serve = Serve(app)`, then a route of two steps and a sleep registered with it (by
    the decorator, or by the call form for every fourth route)."""
    d = plan.domain
    first, then = plan.rng.sample(plan.business, 2)
    name = plan.fresh(f"{d.entity}_flow_{number}")
    path = f"/api/{d.plural}/flow-{number}"
    decorated = number % 4 != 3
    w.line("serve = Serve(app)")
    if decorated:
        w.line(f'@serve.post("{path}")')
    with w.block(f"async def {name}(context: AsyncWorkflowContext[Dict[str, Any]]) -> None:"):
        w.line(f'{d.entity}_id = str(context.request_payload["id"])')
        w.line(f'result = await context.run("{first}", lambda: {first}({d.entity}_id, {{}}))')
        with w.block('if result.get("next"):'):
            w.line(f'await context.run("{then}", lambda: {then}({d.entity}_id, result))')
        w.line(f'await context.sleep("wait", {plan.rng.choice((30, 60, 300))})')
    if not decorated:
        w.line(f'serve.post("{path}")({name})')
    w.blank(2)


def generate_rebinding_module(routes: int, seed: int = DEFAULT_SEED) -> str:
    """A FastAPI module that binds `serve = Serve(app)` again before each of its `routes`
    short routes, as files pasted together from snippets do (so the name has as many
    bindings as the module has routes). A module of more routes starts with the routes of a
    module of fewer."""
    rng = random.Random(f"{seed}-rebinding")
    plan = ModulePlan(
        rng=rng,
        domain=rng.choice(DOMAINS),
        is_async=True,
        flavor="fastapi",
        client=rng.choice(("redis", "sql", "http")),
    )
    w = Writer()
    write_header(w, plan, 0)
    write_client_helpers(w, plan)
    for action in plan.domain.actions:
        write_business_function(w, plan, action)
    for number in range(routes):
        write_short_route(w, plan, number)
    if plan.has_router:
        w.line("app.include_router(router)")
    return w.text()


def generate_long_module(lines: int, seed: int = DEFAULT_SEED) -> str:
    """One module of at least `lines` lines: generated modules, one after the other (still
    valid Python, and workflow code throughout)."""
    parts: list[str] = []
    total = index = 0
    while total < lines:
        text = generate_module(seed, index)[1]
        parts.append(text)
        total += text.count("\n") + 1
        index += 1
    return "\n".join(parts)


def write_dense_route(w: Writer, plan: ModulePlan, number: int) -> None:
    """A route of five step calls in 13 lines, as modules dense with routes have them."""
    d = plan.domain
    name = plan.fresh(f"{d.entity}_dense_{number}")
    w.line(f'@serve.post("/api/{d.plural}/dense-{number}")')
    with w.block(f"async def {name}(context: AsyncWorkflowContext[Dict[str, Any]]) -> None:"):
        w.line(f'{d.entity}_id = str(context.request_payload["id"])')
        previous = "{}"
        for step, action in enumerate(plan.rng.sample(plan.business, 4)):
            result = f"step_{step}"
            w.line(
                f'{result} = await context.run("{action}", '
                f"lambda: {action}({d.entity}_id, {previous}))"
            )
            previous = result
        w.line(f'await context.run("done", lambda: {{"id": {d.entity}_id, "last": {previous}}})')
    w.blank(2)


def _fastapi_plan(rng: random.Random) -> ModulePlan:
    return ModulePlan(
        rng=rng,
        domain=rng.choice(DOMAINS),
        is_async=True,
        flavor="fastapi",
        client=rng.choice(("redis", "sql", "http")),
    )


def generate_dense_module(lines: int, seed: int = DEFAULT_SEED) -> str:
    """One FastAPI module of at least `lines` lines that is routes after its header and
    business functions: a route of five step calls every 13 lines, and no finding."""
    plan = _fastapi_plan(random.Random(f"{seed}-dense"))
    w = Writer()
    write_header(w, plan, 0)
    write_client_helpers(w, plan)
    for action in plan.domain.actions:
        write_business_function(w, plan, action)
    number = 0
    while w.text().count("\n") < lines:
        for _ in range(50):
            write_dense_route(w, plan, number)
            number += 1
    return w.text()


def generate_mixed_module(lines: int, seed: int = DEFAULT_SEED) -> str:
    """One module of at least `lines` lines, half workflow code and half ordinary code
    (dataclasses, pure functions, repository classes, client helpers: no context anywhere),
    in parts of about 250 lines taking turns."""
    parts: list[str] = []
    total = index = 0
    while total < lines:
        if index % 2 == 0:
            text = generate_module(seed, index)[1]
        else:
            plan = _fastapi_plan(random.Random(f"{seed}-plain-{index}"))
            w = Writer()
            while w.text().count("\n") < 250:
                plan.rng.choice((write_dataclass, write_pure_function, write_repository_class))(
                    w, plan
                )
            text = w.text()
        parts.append(text)
        total += text.count("\n") + 1
        index += 1
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="Folder to write the modules to.")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    lines = 0
    for name, text in generate_corpus(args.seed, args.count):
        ast.parse(text, filename=name)  # every generated module must be valid Python
        (args.out / name).write_text(text, encoding="utf-8")
        lines += text.count("\n")
    print(f"wrote {args.count} modules, {lines} lines, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
