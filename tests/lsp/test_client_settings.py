"""What language clients send and pass: a whole `wfcheck` section, with the keys the client
keeps for itself (how it starts the server, its tracing), and `--stdio` on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.lsp.session import CLIENTS, SERVER, VS_CODE, start_session
from tests.lsp.workflows import NIGHTLY
from wfcheck_lsp.configuration import CLIENT_SETTINGS, SERVER_SETTINGS, editor_settings

# What VS Code answers for the `wfcheck` section with the extension's settings left alone
# (editors/vscode/package.json), and what other clients have been seen to keep there.
VS_CODE_SECTION: dict[str, Any] = {
    "configurationPreference": "editorFirst",
    "configuration": None,
    "showSyntaxErrors": True,
    "importStrategy": "useBundled",
    "interpreter": [],
    "path": [],
    "trace": {"server": "off"},
}
OTHER_CLIENTS_KEYS: dict[str, Any] = {
    "serverPath": "/opt/wfcheck/bin/wfcheck-lsp",
    "enable": True,
    "args": ["--log-level", "info"],
    "showNotifications": "off",
}


def project(root: Path) -> str:
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n", "utf-8")
    path = root / "nightly.py"
    path.write_text(NIGHTLY, "utf-8")
    return path.as_uri()


def test_the_client_keys_are_not_server_settings() -> None:
    assert CLIENT_SETTINGS.isdisjoint(SERVER_SETTINGS)
    assert set(VS_CODE_SECTION) == set(SERVER_SETTINGS) | {
        "importStrategy",
        "interpreter",
        "path",
        "trace",
    }


@pytest.mark.parametrize("section", [VS_CODE_SECTION, OTHER_CLIENTS_KEYS], ids=["vscode", "other"])
def test_client_keys_are_ignored_not_reported(section: dict[str, Any]) -> None:
    assert editor_settings(section).problems == ()


def test_an_unknown_key_beside_client_keys_is_still_reported() -> None:
    settings = editor_settings({**VS_CODE_SECTION, "showSyntaxError": False})
    assert settings.problems == ("unknown setting `showSyntaxError`",)


@pytest.mark.asyncio
@pytest.mark.parametrize("client", CLIENTS)
async def test_a_whole_section_gives_only_the_findings(client: str, tmp_path: Path) -> None:
    """Before, line 1 of every file said `wfcheck settings: unknown setting 'serverPath'`."""
    uri = project(tmp_path)
    section = {**VS_CODE_SECTION, **OTHER_CLIENTS_KEYS}
    async with start_session(
        client,
        root=tmp_path,
        initialization_options={"settings": section},
        configuration=section,
    ) as session:
        session.open(uri, NIGHTLY)
        diagnostics = await session.diagnostics(uri)
    assert session.client.messages == []
    assert [(d.code, d.range.start.line) for d in diagnostics] == [("UWF101", 10), ("UWF105", 11)]


@pytest.mark.parametrize(
    "command",
    [[*SERVER, "--stdio"], [str(Path(sys.executable).parent / "wfcheck-lsp"), "--stdio"]],
    ids=["module", "script"],
)
@pytest.mark.asyncio
async def test_stdio_flag_as_language_clients_pass_it(command: list[str], tmp_path: Path) -> None:
    """vscode-languageclient appends `--stdio` with `TransportKind.stdio`."""
    uri = project(tmp_path)
    async with start_session(VS_CODE, root=tmp_path, server=command) as session:
        session.open(uri, NIGHTLY)
        diagnostics = await session.diagnostics(uri)
    assert [d.code for d in diagnostics] == ["UWF101", "UWF105"]


def frames(*messages: dict[str, Any]) -> bytes:
    bodies = [json.dumps({"jsonrpc": "2.0", **message}).encode() for message in messages]
    return b"".join(b"Content-Length: %d\r\n\r\n%s" % (len(body), body) for body in bodies)


@pytest.mark.parametrize("level", ["warning", "debug"])
def test_a_cancel_after_the_answer_is_not_a_warning_in_the_editors_log(level: str) -> None:
    """VS Code cancels the code actions of a cursor that moved on, often after the answer:
    pygls' warning for it stays out of the output (with --log-level debug it is there)."""
    session = frames(
        {"id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}},
        {"method": "initialized", "params": {}},
        {"method": "$/cancelRequest", "params": {"id": 12}},
        {"id": 2, "method": "shutdown"},
        {"method": "exit"},
    )
    result = subprocess.run(
        [*SERVER, "--stdio", "--log-level", level],
        input=session,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    logged = result.stderr.decode()
    if level == "debug":
        assert 'Cancel notification for unknown message id "12"' in logged
    else:
        assert logged == ""
