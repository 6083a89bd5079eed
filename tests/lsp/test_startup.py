"""Starting the server: `wfcheck-lsp` and `python -m wfcheck_lsp`, stdio or TCP, --version;
and what it tells each client it can do."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.session import (
    ANSWER_TIMEOUT,
    NEOVIM,
    SERVER,
    VS_CODE,
    Session,
    capabilities,
    make_client,
    start_session,
)
from tests.lsp.workflows import JOB
from wfcheck import __version__

URI = "file:///project/job.py"


@pytest.mark.parametrize(
    "command",
    [SERVER, [str(Path(sys.executable).parent / "wfcheck-lsp")]],
    ids=["module", "script"],
)
def test_version(command: list[str]) -> None:
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, f"wfcheck-lsp {__version__}\n")


@pytest.mark.asyncio
async def test_what_each_client_is_offered() -> None:
    for client, encoding, pulls in ((VS_CODE, "utf-16", False), (NEOVIM, "utf-8", True)):
        async with start_session(client) as session:
            offered = session.result.capabilities
        assert session.result.server_info == types.ServerInfo("wfcheck-lsp", __version__)
        assert offered.position_encoding == encoding
        assert (offered.diagnostic_provider is not None) is pulls
        assert offered.text_document_sync == types.TextDocumentSyncOptions(
            open_close=True,
            change=types.TextDocumentSyncKind.Incremental,
            will_save=False,
            will_save_wait_until=False,
            save=True,
        )
        assert offered.code_action_provider == types.CodeActionOptions(
            code_action_kinds=("quickfix", "source.fixAll.wfcheck"), resolve_provider=True
        )
        assert offered.hover_provider is True


@pytest.mark.asyncio
async def test_tcp() -> None:
    process = await asyncio.create_subprocess_exec(
        *SERVER, "--tcp", "--port", "0", "--log-level", "info", stderr=asyncio.subprocess.PIPE
    )
    assert process.stderr is not None
    client = make_client()
    try:
        port = await asyncio.wait_for(_serving_port(process.stderr), ANSWER_TIMEOUT)
        await client.start_tcp("127.0.0.1", port)
        params = types.InitializeParams(capabilities=capabilities(VS_CODE))
        session = Session(client, await client.initialize_session(params))
        session.open(URI, JOB)
        diagnostics = await session.diagnostics(URI)
        await client.shutdown_session()
        exit_code = await asyncio.wait_for(process.wait(), ANSWER_TIMEOUT)
    finally:
        if process.returncode is None:
            process.kill()
        await client.stop()
    assert [d.code for d in diagnostics] == ["UWF101"]
    assert exit_code == 0


async def _serving_port(stderr: asyncio.StreamReader) -> int:
    """The port from pygls' `Serving on ('127.0.0.1', PORT)` line."""
    while line := (await stderr.readline()).decode():
        if "Serving on" in line:
            return int(line.rsplit(",", 1)[1].strip(" )\n"))
    raise AssertionError("the server ended without serving")
