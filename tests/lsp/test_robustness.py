"""Bad input and heavy use: the server keeps answering, never crashes, never pops up an error.

The first tests speak JSON-RPC byte by byte, to send what no well-behaved client library would.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from lsprotocol import types

from bench.generate_workflows import generate_long_module
from tests.lsp.session import ANSWER_TIMEOUT, SERVER, VS_CODE, start_session
from tests.lsp.workflows import JOB

pytestmark = pytest.mark.asyncio


URI = "file:///project/job.py"
INVALID_PARAMS = -32602
METHOD_NOT_FOUND = -32601
INVALID_REQUEST = -32600
SERVER_NOT_INITIALIZED = -32002
PUBLISH = "textDocument/publishDiagnostics"
HOVER = {"textDocument": {"uri": URI}, "position": {"line": 6, "character": 20}}


class RawServer:
    """The server on pipes; messages are written and read as framed JSON."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.notifications: list[dict[str, Any]] = []

    @classmethod
    async def start(cls) -> RawServer:
        process = await asyncio.create_subprocess_exec(
            *SERVER,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        return cls(process)

    def send_body(self, body: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send(self, message: dict[str, Any]) -> None:
        self.send_body(json.dumps({"jsonrpc": "2.0", **message}).encode())

    async def answer(self, request_id: int) -> dict[str, Any]:
        """The response to a request; notifications read meanwhile are kept."""
        while True:
            message = await asyncio.wait_for(self._receive(), ANSWER_TIMEOUT)
            if message.get("id") == request_id and "method" not in message:
                return message
            if "method" in message and "id" not in message:
                self.notifications.append(message)

    async def published(self, version: int) -> dict[str, Any]:
        """The diagnostics published for that version (of the one document these tests open)."""
        while True:
            for message in self.notifications:
                params = message.get("params") or {}
                if message["method"] == PUBLISH and params.get("version") == version:
                    return params
            message = await asyncio.wait_for(self._receive(), ANSWER_TIMEOUT)
            if "method" in message and "id" not in message:
                self.notifications.append(message)

    async def request(self, request_id: int, method: str, params: Any = None) -> dict[str, Any]:
        self.send({"id": request_id, "method": method, "params": params})
        return await self.answer(request_id)

    async def initialize(self) -> None:
        answer = await self.request(1, "initialize", {"processId": None, "capabilities": {}})
        assert "capabilities" in answer["result"]
        self.send({"method": "initialized", "params": {}})

    async def _receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while (line := await self.process.stdout.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(await self.process.stdout.readexactly(length))

    async def finish(self) -> tuple[int, str]:
        """Shut down and exit as the specification says; the exit code and standard error."""
        assert (await self.request(900, "shutdown"))["result"] is None
        self.send({"method": "exit"})
        assert self.process.stderr is not None
        stderr = await asyncio.wait_for(self.process.stderr.read(), ANSWER_TIMEOUT)
        return await asyncio.wait_for(self.process.wait(), ANSWER_TIMEOUT), stderr.decode()

    def kill(self) -> None:
        if self.process.returncode is None:
            self.process.kill()


def error_code(answer: dict[str, Any]) -> int:
    return answer["error"]["code"]


def did_open(uri: str, text: str) -> dict[str, Any]:
    document = {"uri": uri, "languageId": "python", "version": 1, "text": text}
    return {"method": "textDocument/didOpen", "params": {"textDocument": document}}


async def test_malformed_and_unknown_messages_are_answered_or_ignored() -> None:
    server = await RawServer.start()
    try:
        await server.initialize()
        server.send_body(b"{this is not json")
        server.send_body(b"[1, 2, 3]")
        server.send_body(json.dumps({"jsonrpc": "2.0", "method": 7}).encode())
        bad_hover = await server.request(2, "textDocument/hover", {"bogus": True})
        unknown = await server.request(3, "wfcheck/noSuchMethod", {})
        server.send({"method": "wfcheck/noSuchNotification", "params": {}})
        server.send({"method": "$/setTrace", "params": {"value": "off"}})
        change = {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "x"}]}
        server.send({"method": "textDocument/didChange", "params": change})
        server.send(did_open(URI, JOB))
        await server.published(1)
        far = {"start": {"line": 999, "character": 5}, "end": {"line": 1999, "character": 0}}
        change = {
            "textDocument": {"uri": URI, "version": 2},
            "contentChanges": [{"range": far, "text": "# appended at the end\n"}],
        }
        server.send({"method": "textDocument/didChange", "params": change})
        hover = await server.request(4, "textDocument/hover", HOVER)
        await server.published(2)
        exit_code, stderr = await server.finish()
    finally:
        server.kill()
    assert error_code(bad_hover) == INVALID_PARAMS
    assert error_code(unknown) == METHOD_NOT_FOUND
    assert hover["result"]["contents"]["value"].startswith("# clock-outside-step (UWF101)")
    published = [
        n for n in server.notifications if n["method"] == "textDocument/publishDiagnostics"
    ]
    assert [p["params"]["version"] for p in published] == [1, 2]
    assert [d["code"] for d in published[-1]["params"]["diagnostics"]] == ["UWF101"]
    assert [n for n in server.notifications if n["method"] == "window/showMessage"] == []
    assert exit_code == 0
    assert "Traceback" not in stderr


async def test_requests_before_initialize_and_after_shutdown_get_errors() -> None:
    server = await RawServer.start()
    try:
        early = await server.request(1, "textDocument/hover", HOVER)
        server.send(did_open(URI, JOB))  # dropped: not initialized
        answer = await server.request(2, "initialize", {"processId": None, "capabilities": {}})
        assert "capabilities" in answer["result"]
        assert (await server.request(3, "shutdown"))["result"] is None
        late = await server.request(4, "textDocument/hover", HOVER)
        server.send({"method": "exit"})
        exit_code = await asyncio.wait_for(server.process.wait(), ANSWER_TIMEOUT)
    finally:
        server.kill()
    assert error_code(early) == SERVER_NOT_INITIALIZED
    assert error_code(late) == INVALID_REQUEST
    assert server.notifications == []
    assert exit_code == 0


async def test_the_server_stops_when_the_client_goes_away() -> None:
    server = await RawServer.start()
    try:
        await server.initialize()
        assert server.process.stdin is not None
        server.process.stdin.close()
        exit_code = await asyncio.wait_for(server.process.wait(), ANSWER_TIMEOUT)
        assert server.process.stderr is not None
        stderr = (await server.process.stderr.read()).decode()
    finally:
        server.kill()
    assert exit_code == 0
    assert "Traceback" not in stderr


async def test_rapid_changes_publish_only_newer_versions() -> None:
    text = generate_long_module(5_000)
    async with start_session(VS_CODE) as session:
        session.open(URI, text)
        await session.diagnostics(URI)
        opened = len(session.client.published)
        versions = [session.replace(URI, f"{text}\n# edit {n}\n") for n in range(20)]
        final = await session.diagnostics(URI)
        published = [p.version for p in session.client.published[opened:] if p.uri == URI]
        assert session.client.messages == []
    assert published[-1] == versions[-1] == 21
    assert published == sorted(set(published))  # never an older version after a newer one
    assert len(published) < len(versions)  # the superseded ones were never shown
    assert final  # the generated modules hold mistakes


async def test_a_long_analysis_does_not_hold_up_other_answers() -> None:
    big_uri = "file:///project/big.py"
    async with start_session(VS_CODE) as session:
        session.open(URI, JOB)
        await session.diagnostics(URI)
        session.open(big_uri, generate_long_module(20_000))
        hover = await session.hover(URI, types.Position(line=6, character=20))
        big_published_before_hover = any(p.uri == big_uri for p in session.client.published)
        big = await session.diagnostics(big_uri)
    assert hover is not None
    assert not big_published_before_hover
    assert len(big) > 10


DEEP_CHAIN = " + ".join(["time.time()"] * 2_500)
TOO_DEEP_CHAIN = " + ".join(["time.time()"] * 20_000)


async def test_deep_nesting() -> None:
    deep = JOB.replace("time.time()", DEEP_CHAIN)
    too_deep = JOB.replace("time.time()", TOO_DEEP_CHAIN)
    async with start_session(VS_CODE) as session:
        session.open(URI, deep)
        analysed = await session.diagnostics(URI)
        session.replace(URI, too_deep)
        refused = await session.diagnostics(URI)
    assert [d.code for d in analysed] == ["UWF101"] * 2_500
    assert [d.message for d in refused] == ["SyntaxError: too deeply nested for Python's parser"]
