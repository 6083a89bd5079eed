"""An in-memory QStash: it answers the SDK's HTTP requests and makes QStash's calls back.

The SDK's qstash client sends real `httpx` requests; the harness gives the client an
`httpx.MockTransport` whose handler is `QStashStandIn.handle`, so the stand-in sees exactly
what would go over the wire (path, headers, JSON body) and nothing reaches the network.

What it models, from upstash-workflow 2.0.0's own code (workflow_requests.py,
context/auto_executor.py, workflow_parser.py):
- `POST /v2/batch`: a message with `Upstash-Workflow-Init: true` starts a run; a message to
  the run's URL is a step, delivered at once (`Upstash-Delay` and `Upstash-Not-Before` are
  recorded, not waited for); a message to another URL is a `context.call`, answered with a
  canned response and followed by the callback to the workflow.
- `POST /v2/publish/<url>`: the SDK hands back a `context.call` result as a step.
- `DELETE /v2/workflows/runs/<id>?cancel=...`: the run is over; pending messages are dropped.
- A delivery to the workflow carries the run's steps so far as QStash sends them: a JSON list
  of `{"messageId", "body": base64, "callType"}`, the initial payload first, with the
  `Upstash-Forward-*` headers forwarded and `Upstash-Workflow-RunId` set.
- Messages are delivered one at a time in the order they were accepted.
- An `Upstash-Delay` that is not an integer followed by s, m, h, d, w, mo or y is answered
  with 400, as QStash rejects a malformed header (the wording of that answer is ours).
"""

from __future__ import annotations

import base64
import json
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import httpx

TOKEN = "replay-token"
BASE_URL = "https://qstash.replay"

_DELAY = re.compile(r"\d+(s|m|h|d|w|mo|y)")
# Headers the SDK forwards from the first request that an HTTP client sets for itself.
_NOT_FORWARDED = frozenset({"host", "content-length", "transfer-encoding", "connection"})
_FORWARD = "upstash-forward-"
_CALLBACK_FORWARD = "upstash-callback-forward-"
_CALLBACK_WORKFLOW = "upstash-callback-workflow-"


@dataclass(frozen=True)
class CannedResponse:
    """What a `context.call` gets back from the third party."""

    status: int = 200
    body: str = '{"ok": true}'
    headers: dict[str, list[str]] = field(
        default_factory=lambda: {"Content-Type": ["application/json"]}
    )


@dataclass(frozen=True)
class Sent:
    """One HTTP request that the SDK sent to QStash, and the stand-in's answer."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    status: int

    def __repr__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


@dataclass(frozen=True)
class RecordedStep:
    """A step as QStash recorded it: from the message the SDK submitted during `call`."""

    step_id: int
    name: str
    type: str
    out: Any
    call: int
    headers: dict[str, str]

    def header(self, name: str) -> str | None:
        return _lookup(self.headers, name)

    @property
    def delay(self) -> str | None:
        return self.header("Upstash-Delay")

    def __repr__(self) -> str:
        return f"{self.name!r} ({self.type}, id {self.step_id}) -> {self.out!r}"


@dataclass(frozen=True)
class ThirdPartyCall:
    """The request QStash made for a `context.call`."""

    url: str
    method: str
    headers: dict[str, str]
    body: Any


@dataclass(frozen=True)
class Delivery:
    """A request QStash makes to the workflow endpoint."""

    kind: str  # "trigger" (the user's request), "step" or "callback"
    headers: httpx.Headers
    body: str


@dataclass
class _Message:
    id: str
    run_id: str
    kind: str  # "init", "step" or "call"
    destination: str
    headers: httpx.Headers
    body: str
    call: int


@dataclass
class _Run:
    id: str
    url: str
    initial: dict[str, str]
    log: list[dict[str, str]] = field(default_factory=list)
    deleted: bool = False
    cancelled: bool = False


def _lookup(headers: dict[str, str], name: str) -> str | None:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), None)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _json_or_text(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _strip_prefix(headers: httpx.Headers, prefix: str) -> dict[str, str]:
    return {
        name[len(prefix) :]: value
        for name, value in headers.multi_items()
        if name.startswith(prefix) and name[len(prefix) :] not in _NOT_FORWARDED
    }


class QStashStandIn:
    """QStash for one replay. `call` is the number of the endpoint call under way."""

    def __init__(self, call_response: CannedResponse | None = None) -> None:
        self.call_response = call_response or CannedResponse()
        self.call = 0
        self.sent: list[Sent] = []
        self.steps: list[RecordedStep] = []
        self.third_party: list[ThirdPartyCall] = []
        self._runs: dict[str, _Run] = {}
        self._queue: deque[_Message] = deque()
        self._next_id = 0

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    @property
    def run(self) -> _Run | None:
        return next(iter(self._runs.values()), None)

    # What the SDK sends.

    def handle(self, request: httpx.Request) -> httpx.Response:
        text = request.content.decode()
        path = request.url.raw_path.decode()
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            status, answer = 401, {"error": "Unauthorized"}
        else:
            status, answer = self._answer(request.method, path, request.headers, text)
        headers = dict(_raw_items(request.headers))
        self.sent.append(Sent(request.method, path, headers, _json_or_text(text), status))
        if isinstance(answer, str):
            return httpx.Response(status, text=answer)
        return httpx.Response(status, json=answer)

    def _answer(self, method: str, path: str, headers: httpx.Headers, text: str) -> tuple[int, Any]:
        if method == "POST" and path == "/v2/batch":
            return self._accept_all(
                [
                    (m["destination"], httpx.Headers(m["headers"]), m["body"])
                    for m in json.loads(text)
                ]
            )
        if method == "POST" and path.startswith("/v2/publish/"):
            status, ids = self._accept_all([(path.removeprefix("/v2/publish/"), headers, text)])
            return status, ids[0] if status == 200 else ids
        if method == "DELETE" and path.startswith("/v2/workflows/runs/"):
            run_id, _, query = path.removeprefix("/v2/workflows/runs/").partition("?")
            run = self._runs.get(run_id)
            if run is None:
                return 404, {"error": f"workflow run {run_id} not found"}
            run.deleted, run.cancelled = True, query == "cancel=true"
            return 200, ""
        return 404, {"error": f"the stand-in does not model {method} {path}"}

    def _accept_all(self, messages: list[tuple[str, httpx.Headers, str]]) -> tuple[int, Any]:
        for _, headers, _ in messages:
            delay = headers.get("upstash-delay")
            if delay is not None and not _DELAY.fullmatch(delay):
                return 400, {"error": f"invalid Upstash-Delay header: {delay!r}"}
        accepted = []
        for destination, headers, body in messages:
            message = self._accept(destination, headers, body)
            if message is None:
                return 400, {"error": "message for an unknown workflow run"}
            accepted.append({"messageId": message.id})
        return 200, accepted

    def _accept(self, destination: str, headers: httpx.Headers, body: str) -> _Message | None:
        run_id = headers.get("upstash-workflow-runid", "")
        if headers.get("upstash-workflow-init") == "true":
            self._runs[run_id] = _Run(run_id, destination, self._entry(body, "step"))
            kind = "init"
        elif run_id not in self._runs:
            return None
        else:
            kind = "step" if destination == self._runs[run_id].url else "call"
        message = _Message(self._id("msg"), run_id, kind, destination, headers, body, self.call)
        self._queue.append(message)
        return message

    def _id(self, prefix: str) -> str:
        self._next_id += 1
        return f"{prefix}_{self._next_id}"

    def _entry(self, body: str, call_type: str) -> dict[str, str]:
        return {"messageId": self._id("entry"), "body": _b64(body), "callType": call_type}

    # What QStash sends back.

    def next_delivery(self) -> Delivery | None:
        while self._queue:
            message = self._queue.popleft()
            run = self._runs[message.run_id]
            if run.deleted:
                continue
            if message.kind == "call":
                return self._callback(run, message)
            if message.kind == "step":
                run.log.append(self._entry(message.body, "step"))
                self._record(message)
            return self._delivery(run, message)
        return None

    def _delivery(self, run: _Run, message: _Message) -> Delivery:
        headers = httpx.Headers(
            {"Content-Type": message.headers.get("content-type", "application/json")}
        )
        headers.update(_strip_prefix(message.headers, _FORWARD))
        headers.update(
            {
                "Upstash-Workflow-RunId": run.id,
                "Upstash-Workflow-Url": run.url,
                "Upstash-Message-Id": message.id,
                "Upstash-Retried": "0",
            }
        )
        return Delivery("step", headers, json.dumps([run.initial, *run.log]))

    def _record(self, message: _Message) -> None:
        step = json.loads(message.body)
        self.steps.append(
            RecordedStep(
                step_id=step["stepId"],
                name=step["stepName"],
                type=step["stepType"],
                out=_json_or_text(step["out"]) if isinstance(step["out"], str) else step["out"],
                call=message.call,
                headers=dict(_raw_items(message.headers)),
            )
        )

    def _callback(self, run: _Run, message: _Message) -> Delivery:
        answer = self.call_response
        method = message.headers.get("upstash-method", "POST")
        self.third_party.append(
            ThirdPartyCall(
                message.destination,
                method,
                _strip_prefix(message.headers, _FORWARD),
                _json_or_text(message.body),
            )
        )
        run.log.append(self._entry(message.body, "toCallback"))
        callback = {
            "status": answer.status,
            "header": answer.headers,
            "body": _b64(answer.body),
            "retried": 0,
            "maxRetries": int(message.headers.get("upstash-retries", "0")),
            "sourceMessageId": message.id,
            "url": message.destination,
            "method": method,
            "sourceBody": _b64(message.body),
        }
        run.log.append(self._entry(json.dumps(callback), "fromCallback"))
        headers = httpx.Headers({"Content-Type": "application/json"})
        headers.update(_strip_prefix(message.headers, _CALLBACK_FORWARD))
        for name, value in message.headers.multi_items():
            if name.startswith(_CALLBACK_WORKFLOW):
                headers[f"Upstash-Workflow-{name.removeprefix(_CALLBACK_WORKFLOW)}"] = value
        return Delivery("callback", headers, json.dumps(callback))


def _raw_items(headers: httpx.Headers) -> list[tuple[str, str]]:
    return [(name.decode(), value.decode()) for name, value in headers.raw]
