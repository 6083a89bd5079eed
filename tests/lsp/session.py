"""A language client session for the tests: the server under test, driven as an editor does.

`start_session("visual-studio-code")` starts `python -m wfcheck_lsp` and initializes it with
the captured capabilities of that client (pytest-lsp's captures). The session waits on the
server's messages, never on the clock: `diagnostics(uri, version)` returns the diagnostics of
that version, pushed or pulled as the client's capabilities make the server choose.
"""

from __future__ import annotations

import asyncio
import re
import sys
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "wfcheck_lsp"]
VS_CODE = "visual-studio-code"
NEOVIM = "neovim"
CLIENTS = (VS_CODE, NEOVIM)
# A bound on every wait, so that a server that never answers fails the test, not hangs it.
ANSWER_TIMEOUT = 60.0


class RecordingClient(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics with its version."""

    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.registrations: list[types.Registration] = []
        self.arrived = asyncio.Event()

    def record(self, params: types.PublishDiagnosticsParams) -> None:
        self.published.append(params)
        self.arrived.set()
        self.arrived = asyncio.Event()

    async def published_for(self, uri: str, version: int | None, after: int = 0) -> list[Any]:
        """The diagnostics published for that version of the document, from index `after`."""

        async def arrival() -> list[Any]:
            while True:
                for params in self.published[after:]:
                    if params.uri == uri and params.version == version:
                        return list(params.diagnostics)
                await self.arrived.wait()

        return await asyncio.wait_for(arrival(), ANSWER_TIMEOUT)


def _publish(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
    client.record(params)


def _register(client: RecordingClient, params: types.RegistrationParams) -> None:
    client.registrations.extend(params.registrations)


def make_client() -> RecordingClient:
    client = RecordingClient()
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _publish
    features[types.CLIENT_REGISTER_CAPABILITY] = _register
    register_lsp_features(client, features)
    return client


@dataclass
class Session:
    client: RecordingClient
    result: types.InitializeResult
    versions: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def encoding(self) -> str:
        return str(self.result.capabilities.position_encoding or "utf-16")

    @property
    def pulls(self) -> bool:
        return self.result.capabilities.diagnostic_provider is not None

    def open(self, uri: str, text: str, language_id: str = "python") -> None:
        self.versions[uri] = 1
        self.texts[uri] = text
        item = types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))

    def replace(self, uri: str, text: str) -> int:
        """Send the whole new text (a full change); returns the new version."""
        return self.change(uri, [types.TextDocumentContentChangeWholeDocument(text=text)], text)

    def change(
        self,
        uri: str,
        changes: Sequence[types.TextDocumentContentChangeEvent],
        text_after: str,
    ) -> int:
        version = self.versions[uri] + 1
        self.versions[uri] = version
        self.texts[uri] = text_after
        identifier = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        params = types.DidChangeTextDocumentParams(identifier, list(changes))
        self.client.text_document_did_change(params)
        return version

    async def diagnostics(self, uri: str, after: int = 0) -> list[types.Diagnostic]:
        """The diagnostics of the document's latest version, pulled or pushed."""
        if self.pulls:
            identifier = types.TextDocumentIdentifier(uri=uri)
            report = await self._answer(
                self.client.text_document_diagnostic_async(
                    types.DocumentDiagnosticParams(identifier)
                )
            )
            assert isinstance(report, types.RelatedFullDocumentDiagnosticReport), report
            return list(report.items)
        return await self.client.published_for(uri, self.versions[uri], after)

    async def code_actions(
        self, uri: str, range_: types.Range, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=range_,
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
        actions = await self._answer(self.client.text_document_code_action_async(params))
        return [action for action in actions or () if isinstance(action, types.CodeAction)]

    async def resolved(self, action: types.CodeAction) -> types.CodeAction:
        if action.edit is not None:
            return action
        return await self._answer(self.client.code_action_resolve_async(action))

    async def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        params = types.HoverParams(types.TextDocumentIdentifier(uri=uri), position)
        return await self._answer(self.client.text_document_hover_async(params))

    async def _answer(self, request: Any) -> Any:
        return await asyncio.wait_for(request, ANSWER_TIMEOUT)

    def edited_text(self, uri: str, edit: types.WorkspaceEdit) -> str:
        """The document's text with a workspace edit applied, as the client applies it."""
        return apply_text_edits(self.texts[uri], edits_of(edit, uri), self.encoding)


def edits_of(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    if edit.document_changes:
        return [
            text_edit
            for change in edit.document_changes
            if isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
            for text_edit in change.edits
            if isinstance(text_edit, types.TextEdit)
        ]
    return list((edit.changes or {}).get(uri, []))


def apply_text_edits(text: str, edits: Sequence[types.TextEdit], encoding: str) -> str:
    """Apply LSP text edits (all relative to `text`) the way a client does, from the last."""
    ordered = sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))
    for edit in reversed(ordered):
        start = client_offset(text, edit.range.start, encoding)
        end = client_offset(text, edit.range.end, encoding)
        text = text[:start] + edit.new_text + text[end:]
    return text


_CODECS = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def lines_with_ends(text: str) -> list[str]:
    """LSP's lines: ended by `\r\n`, `\r` or `\n` only (not by the other breaks of
    `str.splitlines`)."""
    return _LINE.findall(text)


def client_offset(text: str, position: types.Position, encoding: str) -> int:
    """The string index of an LSP position: the line's first `character` code units."""
    lines = lines_with_ends(text)
    if position.line >= len(lines):
        return len(text)
    codec, width = _CODECS[encoding]
    line = lines[position.line]
    prefix = line.encode(codec)[: position.character * width].decode(codec)
    return sum(len(earlier) for earlier in lines[: position.line]) + len(prefix)


def lsp_position(text: str, line: int, column: int, encoding: str) -> types.Position:
    """The LSP position of a 0-based line and character column, in the client's units."""
    codec, width = _CODECS[encoding]
    prefix = lines_with_ends(text)[line][:column]
    return types.Position(line=line, character=len(prefix.encode(codec)) // width)


def capabilities(client: str, **changes: Any) -> types.ClientCapabilities:
    """A captured client's capabilities; `general=...` and the like replace a part of them."""
    captured = client_capabilities(client)
    for name, value in changes.items():
        setattr(captured, name, value)
    return captured


@asynccontextmanager
async def start_session(
    client: str | types.ClientCapabilities,
    *,
    root: Path | None = None,
    initialization_options: Mapping[str, Any] | None = None,
    configuration: Mapping[str, Any] | None = None,
    server: Sequence[str] = SERVER,
) -> AsyncIterator[Session]:
    """A server initialized by a client; `configuration` answers `workspace/configuration`
    for the `wfcheck` section."""
    language_client = make_client()
    await language_client.start_io(*server)
    if configuration is not None:
        language_client.set_configuration(dict(configuration), section="wfcheck")
    folders = [types.WorkspaceFolder(uri=root.as_uri(), name=root.name)] if root else None
    params = types.InitializeParams(
        capabilities=capabilities(client) if isinstance(client, str) else client,
        initialization_options=dict(initialization_options or {}),
        workspace_folders=folders,
        root_uri=root.as_uri() if root else None,
    )
    try:
        result = await asyncio.wait_for(language_client.initialize_session(params), ANSWER_TIMEOUT)
        yield Session(language_client, result)
    finally:
        await _end(language_client)


async def _end(client: RecordingClient) -> None:
    """Shut the server down as an editor does; stop it if it does not exit by itself."""
    try:
        await asyncio.wait_for(client.shutdown_session(), ANSWER_TIMEOUT)
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()
        await client.stop()
