"""Positions in the negotiated encoding, on lines holding accents and an emoji."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.lsp.session import NEOVIM, VS_CODE, capabilities, start_session
from tests.lsp.workflows import COMMANDE

pytestmark = pytest.mark.asyncio

URI = "file:///project/app/commande.py"
# `time.time()` starts after 37 characters: 38 UTF-16 code units (the emoji takes two) and
# 44 UTF-8 bytes (è, û, é and é take two, the emoji four). The test `début > 1` of the next
# line ends after 16 characters, 17 UTF-8 bytes.
UTF32 = capabilities(NEOVIM, general=types.GeneralClientCapabilities(position_encodings=["utf-32"]))
CASES = [(VS_CODE, "utf-16", 38, 16), (NEOVIM, "utf-8", 44, 17), (UTF32, "utf-32", 37, 16)]
IDS = ["vs-code-utf-16", "neovim-utf-8", "utf-32"]


def on_line(line: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(line, end))


@pytest.mark.parametrize(("client", "encoding", "column", "test_end"), CASES, ids=IDS)
async def test_columns_past_non_ascii_text(
    client: str | types.ClientCapabilities, encoding: str, column: int, test_end: int
) -> None:
    async with start_session(client) as session:
        assert session.encoding == encoding
        session.open(URI, COMMANDE)
        diagnostics = await session.diagnostics(URI)
    assert [(d.code, d.range) for d in diagnostics] == [
        ("UWF101", on_line(10, column, column + 11)),
        ("UWF105", on_line(11, 7, test_end)),
    ]
    (related,) = diagnostics[1].related_information or ()
    assert related.location.range == on_line(10, column, column + 11)


@pytest.mark.parametrize(("client", "encoding", "column", "test_end"), CASES, ids=IDS)
async def test_an_edit_past_non_ascii_text_lands_where_the_client_means(
    client: str | types.ClientCapabilities, encoding: str, column: int, test_end: int
) -> None:
    """The client replaces `time()` of `time.time()` by `monotonic()`, in its units."""
    edit = types.TextDocumentContentChangePartial(
        range=on_line(10, column + 5, column + 11), text="monotonic()"
    )
    after = COMMANDE.replace("time.time()", "time.monotonic()")
    async with start_session(client) as session:
        session.open(URI, COMMANDE)
        await session.diagnostics(URI)
        session.change(URI, [edit], after)
        diagnostics = await session.diagnostics(URI)
        (action,) = [
            a
            for a in await session.code_actions(URI, diagnostics[0].range)
            if a.title.startswith("wfcheck (UWF101): Wrap")
        ]
        assert action.edit is not None
        fixed = session.edited_text(URI, action.edit)
    assert [(d.code, d.range) for d in diagnostics] == [
        ("UWF101", on_line(10, column, column + 16)),
        ("UWF105", on_line(11, 7, test_end)),
    ]
    wrapped = 'await context.run("commande-monotonic", lambda: time.monotonic())'
    assert fixed == after.replace("time.monotonic()", wrapped)


LINE_ENDS = (
    "import time\r\nimport upstash_workflow\r\n\r\n"
    "async def job(context: upstash_workflow.AsyncWorkflowContext):\r\n"
    '    sep = "a\u2028b\x0cc"; stamp = time.time()\r\n'
    '    await context.run("s", lambda: stamp)\r\n'
)


async def test_lines_end_where_lsp_and_python_end_them() -> None:
    """`\\r\\n` ends a line; a line separator or form feed inside a string does not."""
    column = LINE_ENDS.split("\r\n")[4].index("time.time()")
    async with start_session(VS_CODE) as session:
        session.open(URI, LINE_ENDS)
        (before,) = await session.diagnostics(URI)
        edit = types.TextDocumentContentChangePartial(
            range=on_line(4, column + 5, column + 11), text="time_ns()"
        )
        session.change(URI, [edit], LINE_ENDS.replace("time.time()", "time.time_ns()"))
        (after,) = await session.diagnostics(URI)
    assert (before.code, before.range) == ("UWF101", on_line(4, column, column + 11))
    assert (after.code, after.range) == ("UWF101", on_line(4, column, column + 14))
