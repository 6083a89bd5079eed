"""Diagnostics as VS Code (pushed, UTF-16) and Neovim 0.11 (pulled, UTF-8) receive them."""

from __future__ import annotations

import textwrap

import pytest
from lsprotocol import types

from tests.lsp.session import NEOVIM, VS_CODE, Session, start_session
from tests.lsp.workflows import BATCH, NIGHTLY

pytestmark = pytest.mark.asyncio(loop_scope="module")

URI = "file:///project/app/nightly.py"
DOCS = "https://github.com/wfcheck/wfcheck/blob/main/docs/rules/{}.md"


def lsp_range(line: int, start: int, end: int) -> types.Range:
    """A range on one line (1-based, as editors show it) between two ASCII columns."""
    return types.Range(types.Position(line - 1, start), types.Position(line - 1, end))


def shown(diagnostics: list[types.Diagnostic]) -> list[tuple[object, ...]]:
    """What the editor shows of each diagnostic."""
    return [
        (d.code, d.range, d.severity, d.source, d.code_description and d.code_description.href)
        for d in diagnostics
    ]


async def test_open_shows_the_findings(shared: Session, document_uri: str) -> None:
    shared.open(document_uri, NIGHTLY)
    diagnostics = await shared.diagnostics(document_uri)
    assert shown(diagnostics) == [
        (
            "UWF101",
            lsp_range(11, 14, 25),
            types.DiagnosticSeverity.Warning,
            "wfcheck",
            DOCS.format("UWF101"),
        ),
        (
            "UWF105",
            lsp_range(12, 7, 20),
            types.DiagnosticSeverity.Error,
            "wfcheck",
            DOCS.format("UWF105"),
        ),
    ]
    assert diagnostics[0].message.startswith("time.time() runs outside a step")
    assert list(diagnostics[1].related_information or ()) == [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=document_uri, range=lsp_range(11, 14, 25)),
            message="time.time() runs outside a step here",
        )
    ]


async def test_a_finding_through_helpers_points_at_its_source(
    shared: Session, document_uri: str
) -> None:
    shared.open(document_uri, BATCH)
    (diagnostic,) = await shared.diagnostics(document_uri)
    assert (diagnostic.code, diagnostic.range) == ("UWF102", lsp_range(15, 12, 27))
    assert "(make_batch_id() -> _nonce() -> secrets.token_hex)" in diagnostic.message
    assert list(diagnostic.related_information or ()) == [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=document_uri, range=lsp_range(7, 11, 31)),
            message="secrets.token_hex() is read here",
        )
    ]


async def test_the_choice_of_push_or_pull_follows_the_client() -> None:
    async with start_session(VS_CODE) as vs_code:
        assert vs_code.result.capabilities.diagnostic_provider is None
        vs_code.open(URI, NIGHTLY)
        published = await vs_code.client.published_for(URI, 1)
    assert [d.code for d in published] == ["UWF101", "UWF105"]
    async with start_session(NEOVIM) as neovim:
        provider = neovim.result.capabilities.diagnostic_provider
        assert isinstance(provider, types.DiagnosticOptions)
        assert provider.identifier == "wfcheck"
        neovim.open(URI, NIGHTLY)
        pulled = await neovim.diagnostics(URI)
        assert [d.code for d in pulled] == ["UWF101", "UWF105"]
        assert neovim.client.published == []


async def test_a_pull_without_change_reports_unchanged() -> None:
    async with start_session(NEOVIM) as session:
        session.open(URI, NIGHTLY)
        identifier = types.TextDocumentIdentifier(uri=URI)
        first = await session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(identifier)
        )
        again = await session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(identifier, previous_result_id=first.result_id)
        )
        session.replace(URI, NIGHTLY.replace("time.time()", "time.time_ns()"))
        changed = await session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(identifier, previous_result_id=first.result_id)
        )
    assert isinstance(first, types.RelatedFullDocumentDiagnosticReport)
    assert again == types.RelatedUnchangedDocumentDiagnosticReport(result_id=first.result_id)
    assert isinstance(changed, types.RelatedFullDocumentDiagnosticReport)
    assert changed.items[0].range == lsp_range(11, 14, 28)


async def test_an_incremental_change_is_checked(shared: Session, document_uri: str) -> None:
    shared.open(document_uri, NIGHTLY)
    await shared.diagnostics(document_uri)
    # Type a second clock read on a new line after `started = time.time()`.
    insertion = "    stamp = time.monotonic()\n"
    change = types.TextDocumentContentChangePartial(range=lsp_range(12, 0, 0), text=insertion)
    lines = NIGHTLY.splitlines(keepends=True)
    after = "".join([*lines[:11], insertion, *lines[11:]])
    shared.change(document_uri, [change], after)
    diagnostics = await shared.diagnostics(document_uri)
    assert [(d.code, d.range) for d in diagnostics] == [
        ("UWF101", lsp_range(11, 14, 25)),
        ("UWF101", lsp_range(12, 12, 28)),
        ("UWF105", lsp_range(13, 7, 20)),
    ]


async def test_pushed_diagnostics_carry_their_version_on_open_change_and_save() -> None:
    async with start_session(VS_CODE) as session:
        session.open(URI, NIGHTLY)
        assert len(await session.client.published_for(URI, 1)) == 2
        version = session.replace(URI, NIGHTLY.replace("    started = time.time()\n", ""))
        assert version == 2
        # The name is unbound now, so no source remains.
        assert await session.client.published_for(URI, 2) == []
        published = len(session.client.published)
        session.client.text_document_did_save(
            types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=URI))
        )
        assert await session.client.published_for(URI, 2, after=published) == []
        session.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=URI))
        )
        assert await session.client.published_for(URI, None) == []


TYPING = [
    "    if ",
    "    if started",
    "    if started >",
    "    if started > 1",
    "    if started > 1:",
]


async def test_a_document_that_stops_parsing_keeps_no_stale_findings(
    shared: Session, document_uri: str
) -> None:
    body = NIGHTLY.replace('    await context.run("report", lambda: "done")\n', "")
    shared.open(document_uri, body)
    assert [d.code for d in await shared.diagnostics(document_uri)] == ["UWF101", "UWF105"]
    for typed in TYPING:
        shared.replace(document_uri, body + typed + "\n")
        diagnostics = await shared.diagnostics(document_uri)
        # Only the syntax error: the findings would point at text that changed.
        assert [(d.code, d.severity, d.source) for d in diagnostics] == [
            (None, types.DiagnosticSeverity.Error, "wfcheck")
        ]
        assert diagnostics[0].message.startswith("SyntaxError: ")
        assert diagnostics[0].range.start.line == 13
    shared.replace(document_uri, body + "    if started > 1:\n        return\n")
    finished = await shared.diagnostics(document_uri)
    assert shared.client.messages == []
    assert [d.code for d in finished] == ["UWF101", "UWF105", "UWF104"]


async def test_syntax_errors_can_be_hidden() -> None:
    settings = {"settings": {"showSyntaxErrors": False}}
    async with start_session(VS_CODE, initialization_options=settings) as session:
        session.open(URI, "import upstash_workflow\ndef broken(:\n")
        assert await session.diagnostics(URI) == []


async def test_the_syntax_error_is_where_python_stops(shared: Session, document_uri: str) -> None:
    shared.open(document_uri, "import upstash_workflow\nvalue = (1,\n  é = 2\n")
    (diagnostic,) = await shared.diagnostics(document_uri)
    assert diagnostic.range.start.line == 1
    assert diagnostic.message.startswith("SyntaxError: ")


async def test_code_that_does_not_use_the_sdk_gets_nothing() -> None:
    plain = textwrap.dedent(
        """\
        import time

        def handler(context):
            return time.time()
        """
    )
    async with start_session(VS_CODE) as session:
        session.open("file:///project/app/readme.md", NIGHTLY, language_id="markdown")
        session.open(URI, plain)
        assert await session.diagnostics(URI) == []
    assert [params.uri for params in session.client.published] == [URI]


async def test_an_untitled_buffer_is_checked(shared: Session) -> None:
    shared.open("untitled:Untitled-1", NIGHTLY)
    assert [d.code for d in await shared.diagnostics("untitled:Untitled-1")] == [
        "UWF101",
        "UWF105",
    ]
