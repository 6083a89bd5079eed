"""Replays a workflow file through upstash-workflow's real request handling.

`replay("uwf104_db_read_flagged", payload)` imports the file (a fresh module each time), finds the
route the SDK registered (FastAPI's `Serve(app).post`, Flask's `Serve(app).route`, or the
dict that `serve`/`async_serve` return), starts a run the way a user does (a plain POST) and
then plays QStash (`standin.QStashStandIn`): every message the SDK submits is delivered back to
the endpoint with the run's steps, until the SDK deletes the run, a call fails, nothing is
left to deliver, or `max_calls` is reached. The result says what a user would see: the
HTTP status and message of every call, the steps QStash recorded, what the business-logic
stubs of `tests.replay.world` were called with, blocking sleeps, warnings, and how often each
line of the workflow file ran.

During a replay, the workflow's own calls of `time.time`, `random.random`, `random.randint`
and `uuid.uuid4` (calls from the workflow file, or by the SDK of such a function handed to it
as a step) return a value that changes from one endpoint call to the next (see
`tests.replay.world`); its `time.sleep` and `asyncio.sleep` are recorded and return at once.
Library code keeps the real ones. Everything else runs for real; nothing leaves the process.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import importlib.util
import inspect
import io
import itertools
import json
import logging
import os
import random
import sys
import threading
import time
import uuid
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any
from unittest import mock

import httpx
import upstash_workflow
from fastapi import FastAPI
from flask import Flask
from qstash.asyncio.http import AsyncHttpClient
from qstash.http import HttpClient
from upstash_workflow.workflow_types import _AsyncRequest, _SyncRequest

from tests.replay import world as world_module
from tests.replay.standin import (
    BASE_URL,
    TOKEN,
    CannedResponse,
    Delivery,
    QStashStandIn,
    RecordedStep,
    Sent,
    ThirdPartyCall,
)
from tests.replay.world import WorkCall, World

with warnings.catch_warnings():
    # Starlette 1.x asks for `httpx2` in its TestClient; with httpx it works all the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

WORKFLOWS = Path(__file__).resolve().parent / "workflows"
MAX_CALLS = 25

_module_numbers = itertools.count(1)


@dataclass(frozen=True)
class Call:
    """One call of the workflow endpoint and its answer."""

    number: int
    kind: str  # "trigger" (the user's request), "step" or "callback" (QStash's)
    status: int
    body: Any
    lines: Counter[int] = field(repr=False)
    request: Delivery = field(repr=False)

    @property
    def error(self) -> str | None:
        """The SDK's message for a failed call: `WorkflowError: Incompatible step name. ...`."""
        if 200 <= self.status < 300:
            return None
        if isinstance(self.body, dict) and "error" in self.body:
            return f"{self.body['error']}: {self.body.get('message', '')}"
        if isinstance(self.body, dict) and "message" in self.body:
            return str(self.body["message"])
        return str(self.body)


@dataclass(repr=False)
class Replay:
    """What happened when a workflow file was run through the SDK."""

    workflow: str
    source: list[str]
    adapter: str = ""
    stopped: str = ""  # finished, cancelled, failed, stalled, bound or import-error
    import_error: str | None = None
    calls: list[Call] = field(default_factory=list)
    steps: list[RecordedStep] = field(default_factory=list)
    work: list[WorkCall] = field(default_factory=list)
    sleeps: list[WorkCall] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    third_party: list[ThirdPartyCall] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)
    logged: list[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        """The SDK reached the end of the route function and deleted the run."""
        return self.stopped == "finished"

    @property
    def status(self) -> int | None:
        return self.calls[-1].status if self.calls else None

    @property
    def error(self) -> str | None:
        if self.import_error is not None:
            return self.import_error
        return self.calls[-1].error if self.calls else None

    @property
    def step_names(self) -> list[str]:
        return [step.name for step in self.steps]

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every message the SDK submitted in `/v2/batch` requests (destination, headers, body)."""
        return [message for sent in self.sent if sent.path == "/v2/batch" for message in sent.body]

    @property
    def submitted(self) -> list[str]:
        """The names of the steps the SDK submitted, delivered by QStash or not, in order."""
        return [
            step["stepName"]
            for step in (_parse(message["body"]) for message in self.messages)
            if isinstance(step, dict) and "stepName" in step
        ]

    def received(self, stub: str) -> list[tuple[Any, ...]]:
        """The arguments of every call of a `tests.replay.world` stub, in order."""
        return [work.args for work in self.work if work.name == stub]

    def line_of(self, snippet: str) -> int:
        """The number of the one line of the workflow file that contains `snippet`."""
        found = [number for number, text in enumerate(self.source, 1) if snippet in text]
        if len(found) != 1:
            raise LookupError(f"{snippet!r} is on lines {found} of {self.workflow}, not on one")
        return found[0]

    def times(self, snippet: str, call: int | None = None) -> int:
        """How often the line containing `snippet` ran, in all calls or in call number `call`."""
        line = self.line_of(snippet)
        calls = self.calls if call is None else [self.calls[call - 1]]
        return sum(c.lines[line] for c in calls)

    def summary(self) -> str:
        last = self.calls[-1] if self.calls else None
        if self.import_error is not None:
            return f"import failed: {self.import_error}"
        if last is not None and self.stopped == "failed":
            return f"failed at call {last.number} with {last.status}: {last.error}"
        return f"{self.stopped} after {len(self.calls)} calls"

    def __repr__(self) -> str:
        lines = [f"Replay of {self.workflow} ({self.adapter or 'not served'}): {self.summary()}"]
        lines += [
            f"  call {c.number} {c.kind}: {c.status} {c.error or ''}".rstrip() for c in self.calls
        ]
        lines.append(f"  steps: {self.steps}")
        lines.append(f"  work: {self.work}")
        lines += [f"  {label}: {items}" for label, items in self._extras() if items]
        totals = sum((c.lines for c in self.calls), Counter[int]())
        lines.append("  lines run (times | line):")
        lines += [f"    {totals[n]:5} | {n:3} {self.source[n - 1].strip()}" for n in sorted(totals)]
        return "\n".join(lines)

    def _extras(self) -> list[tuple[str, list[Any]]]:
        return [
            ("blocking sleeps", self.sleeps),
            ("third-party calls", self.third_party),
            ("warnings", self.warnings),
            ("printed", self.printed),
            ("logged", self.logged),
        ]


def workflow_path(workflow: str | Path) -> Path:
    path = Path(workflow)
    if path.suffix != ".py":
        path = WORKFLOWS / f"{workflow}.py"
    return path.resolve()


def replay(
    workflow: str | Path,
    payload: Any = None,
    *,
    headers: dict[str, str] | None = None,
    max_calls: int = MAX_CALLS,
    retries: int = 0,
    call_response: CannedResponse | None = None,
) -> Replay:
    """Run a workflow file (a path, or the name of a file in `workflows/`) to its end.

    `retries` is how often a failed call is delivered again, as QStash does (three times by
    default in QStash; zero here, so that a replay stops at the first failure).
    """
    path = workflow_path(workflow)
    result = Replay(path.name, path.read_text("utf-8").splitlines())
    world = World()
    standin = QStashStandIn(call_response)
    with ExitStack() as stack:
        stack.enter_context(_isolated(world, standin, str(path)))
        caught = stack.enter_context(warnings.catch_warnings(record=True))
        warnings.simplefilter("always")
        printed = stack.enter_context(redirect_stdout(io.StringIO()))
        logged = stack.enter_context(_collecting_logs())
        # What is reported when a replay's objects are freed ("coroutine ... was never
        # awaited", asyncio's "Task exception was never retrieved") belongs to the replay.
        stack.callback(gc.collect)
        tracer = stack.enter_context(_counting_lines(str(path)))
        try:
            module = _import(path)
        except Exception as error:
            result.stopped, result.import_error = "import-error", f"{type(error).__name__}: {error}"
        else:
            endpoint = stack.enter_context(_serve(module))
            result.adapter = endpoint.adapter
            start = httpx.Headers({"Content-Type": "application/json", **(headers or {})})
            delivery: Delivery | None = Delivery("trigger", start, json.dumps(payload))
            result.stopped = _drive(
                endpoint,
                delivery,
                result,
                world=world,
                standin=standin,
                tracer=tracer,
                max_calls=max_calls,
                retries=retries,
            )
        result.warnings = [f"{w.category.__name__}: {w.message}" for w in caught]
    result.printed, result.logged = printed.getvalue().splitlines(), logged
    result.steps, result.sent, result.third_party = standin.steps, standin.sent, standin.third_party
    result.work, result.sleeps = world.work, world.sleeps
    return result


def _drive(
    endpoint: _Endpoint,
    delivery: Delivery | None,
    result: Replay,
    *,
    world: World,
    standin: QStashStandIn,
    tracer: _LineTracer,
    max_calls: int,
    retries: int,
) -> str:
    retried = 0
    while delivery is not None:
        if len(result.calls) == max_calls:
            return "bound"
        number = world.call = standin.call = len(result.calls) + 1
        tracer.counts = Counter()
        status, text = endpoint.post(delivery.headers, delivery.body)
        result.calls.append(
            Call(number, delivery.kind, status, _parse(text), tracer.counts, delivery)
        )
        if not 200 <= status < 300:
            if retried == retries:
                return "failed"
            retried += 1
            delivery.headers["Upstash-Retried"] = str(retried)
            continue
        retried = 0
        delivery = standin.next_delivery()
    run = standin.run
    if run is None or not run.deleted:
        return "stalled"
    return "cancelled" if run.cancelled else "finished"


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


# The process around a replay.


@contextmanager
def _isolated(world: World, standin: QStashStandIn, filename: str) -> Iterator[None]:
    environment = {"QSTASH_TOKEN": TOKEN, "QSTASH_URL": BASE_URL}
    unset = ("QSTASH_CURRENT_SIGNING_KEY", "QSTASH_NEXT_SIGNING_KEY", "UPSTASH_WORKFLOW_URL")
    with ExitStack() as stack:
        stack.enter_context(mock.patch.dict(os.environ, environment))  # restored as a whole
        for name in unset:
            os.environ.pop(name, None)
        stack.enter_context(
            _transport(HttpClient, lambda: httpx.Client(transport=standin.transport()))
        )
        stack.enter_context(
            _transport(AsyncHttpClient, lambda: httpx.AsyncClient(transport=standin.transport()))
        )
        stack.enter_context(_changing_world(world, filename))
        world_module.enter(world)
        stack.callback(world_module.enter, None)
        yield


class _LogList(logging.Handler):
    def __init__(self, records: list[str]) -> None:
        super().__init__(logging.INFO)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.levelname} {record.getMessage().splitlines()[0]}")


@contextmanager
def _collecting_logs() -> Iterator[list[str]]:
    """Log records of the SDK and the workflow, kept as text in place of any other handler.

    A record keeps its exception, whose frames keep a replay's objects alive (and with them
    the warnings due when they are freed); the text is all a replay needs.
    """
    records: list[str] = []
    root = logging.getLogger()
    handlers = root.handlers
    root.handlers = [_LogList(records)]
    try:
        yield records
    finally:
        root.handlers = handlers


def _transport(client_class: type, make: Callable[[], Any]) -> Any:
    """Give every qstash client created meanwhile an HTTP client that talks to the stand-in."""
    original = client_class.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self._client = make()

    return mock.patch.object(client_class, "__init__", init)


@contextmanager
def _changing_world(world: World, filename: str) -> Iterator[None]:
    """Patch clock, randomness, ids and sleeps for the workflow's own calls of them."""
    real_sleep = asyncio.sleep

    def blocking_sleep(seconds: float) -> None:
        world.sleeps.append(WorkCall(world.call, "time.sleep", (seconds,)))

    def async_sleep(seconds: float, *args: Any, **kwargs: Any) -> Any:
        if not _from_workflow(filename):
            return real_sleep(seconds, *args, **kwargs)
        world.sleeps.append(WorkCall(world.call, "asyncio.sleep", (seconds,)))
        return real_sleep(0)

    fakes = [
        (time, "time", world.time),
        (time, "sleep", blocking_sleep),
        (random, "random", world.random),
        (random, "randint", world.randint),
        (uuid, "uuid4", world.uuid4),
    ]
    with ExitStack() as stack:
        for module, name, fake in fakes:
            stack.enter_context(
                mock.patch.object(module, name, _for_file(getattr(module, name), fake, filename))
            )
        stack.enter_context(mock.patch.object(asyncio, "sleep", async_sleep))
        yield


_SDK_DIRECTORY = str(Path(upstash_workflow.__file__).parent)


def _from_workflow(filename: str) -> bool:
    """Whether the patched function's caller is the workflow's code: the workflow file, or the
    SDK calling a function handed to it as a step (`context.run("now", time.time)`)."""
    caller = sys._getframe(2).f_code.co_filename
    return caller == filename or caller.startswith(_SDK_DIRECTORY)


def _for_file(real: Callable[..., Any], fake: Callable[..., Any], filename: str) -> Any:
    @functools.wraps(real)
    def patched(*args: Any, **kwargs: Any) -> Any:
        if _from_workflow(filename):
            return fake(*args, **kwargs)
        return real(*args, **kwargs)

    return patched


class _LineTracer:
    """Counts line events in one file, in every thread (TestClient serves from its own).

    Lambdas are left out: a lambda shares its line with the call it is passed to, and its runs
    (a step's) would count as runs of that line.
    """

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.counts: Counter[int] = Counter()

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        code = frame.f_code
        if event == "call" and code.co_filename == self.filename and code.co_name != "<lambda>":
            return self._line
        return None

    def _line(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            self.counts[frame.f_lineno] += 1
        return self._line


@contextmanager
def _counting_lines(filename: str) -> Iterator[_LineTracer]:
    tracer = _LineTracer(filename)
    previous, previous_threads = sys.gettrace(), threading.gettrace()
    sys.settrace(tracer)
    threading.settrace(tracer)
    try:
        yield tracer
    finally:
        sys.settrace(previous)
        threading.settrace(previous_threads)  # type: ignore[arg-type]


def _import(path: Path) -> ModuleType:
    name = f"replayed_{path.stem}_{next(_module_numbers)}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # Flask(__name__) looks its module up
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


# The endpoint, as each adapter serves it.


class _Endpoint:
    adapter = ""

    def post(self, headers: httpx.Headers, body: str) -> tuple[int, str]:
        raise NotImplementedError


class _FastAPIEndpoint(_Endpoint):
    adapter = "fastapi"

    def __init__(self, client: TestClient, path: str) -> None:
        self.client, self.path = client, path

    def post(self, headers: httpx.Headers, body: str) -> tuple[int, str]:
        response = self.client.post(self.path, content=body, headers=headers)
        return response.status_code, response.text


class _FlaskEndpoint(_Endpoint):
    adapter = "flask"

    def __init__(self, app: Flask, path: str) -> None:
        self.client, self.path = app.test_client(), path

    def post(self, headers: httpx.Headers, body: str) -> tuple[int, str]:
        response = self.client.post(self.path, data=body, headers=list(headers.multi_items()))
        return response.status_code, response.get_data(as_text=True)


class _HandlerEndpoint(_Endpoint):
    """The handler of `serve(...)` / `async_serve(...)`, called with the SDK's request type."""

    url = "http://localhost/api/workflow"

    def __init__(self, handler: Callable[[Any], Any]) -> None:
        self.handler = handler
        self.adapter = "async_serve" if inspect.iscoroutinefunction(handler) else "serve"

    def post(self, headers: httpx.Headers, body: str) -> tuple[int, str]:
        if self.adapter == "serve":
            response = self.handler(_SyncRequest(body, headers, {}, "POST", self.url))
        else:
            request = _AsyncRequest(body.encode(), headers, {}, "POST", self.url)
            response = asyncio.run(self.handler(request))
        return response.status, response.body


_ADAPTER_HANDLERS = {"_async_handler_wrapper", "_sync_handler_wrapper"}


@contextmanager
def _serve(module: ModuleType) -> Iterator[_Endpoint]:
    """The one workflow route of the module: an adapter's route, or `serve(...)`'s handler."""
    found: list[tuple[Any, str]] = []
    for value in vars(module).values():
        if isinstance(value, FastAPI):
            found += [
                (value, route.path)
                for route in value.routes
                if getattr(getattr(route, "endpoint", None), "__name__", "") in _ADAPTER_HANDLERS
            ]
        elif isinstance(value, Flask):
            found += [
                (value, rule.rule)
                for rule in value.url_map.iter_rules()
                if value.view_functions[rule.endpoint].__name__ in _ADAPTER_HANDLERS
            ]
        elif isinstance(value, dict) and "_serve_base" in getattr(
            value.get("handler"), "__qualname__", ""
        ):
            found.append((value["handler"], ""))
    if len(found) != 1:
        raise LookupError(f"{module.__file__} serves {len(found)} workflow routes, not one")
    target, path = found[0]
    if isinstance(target, FastAPI):
        with TestClient(target) as client:
            yield _FastAPIEndpoint(client, path)
    elif isinstance(target, Flask):
        yield _FlaskEndpoint(target, path)
    else:
        yield _HandlerEndpoint(target)
