"""The language server under random editing sessions: documents opened, edited a range at a
time, saved, closed, and the settings changed, in any order; some of them import each other's
helpers. After each step the server's diagnostics of every document it had to check again are
those of a fresh full check of the same text (the engine in this process, on a fresh index of
the open documents, converted as the server converts), and the server is alive. The server
parses an edited document by its blocks and keeps its project's summaries from one edit to
the next: this is where that is compared with starting from nothing. The server runs as
editors run it (`python -m wfcheck_lsp` over stdio), once per client for all the sessions, as
VS Code (pushed diagnostics, UTF-16) and as Neovim (pulled, UTF-8).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from lsprotocol import types
from pygls.protocol import default_converter

from tests.fuzz.programs import corpus_files
from tests.lsp.session import (
    ANSWER_TIMEOUT,
    NEOVIM,
    VS_CODE,
    Session,
    lines_with_ends,
    lsp_position,
    start_session,
)
from tests.lsp.workflows import COMMANDE, NIGHTLY
from wfcheck.engine import FileReport, check_source
from wfcheck.project.index import ProjectIndex
from wfcheck.project.layout import ProjectLayout
from wfcheck.rules import ALL_RULES
from wfcheck.source import SourceText, read_source_if_readable
from wfcheck_lsp.configuration import ConfigurationResolver, editor_settings, merged_settings
from wfcheck_lsp.lsp_diagnostics import lsp_diagnostics
from wfcheck_lsp.positions import Encoding, PositionConverter

pytestmark = [pytest.mark.fuzz, pytest.mark.filterwarnings("ignore::SyntaxWarning")]

Result = TypeVar("Result")
CONVERTER = default_converter()
SLOTS = 3  # documents open at once, at most
OPT_IN = sorted(rule.code for rule in ALL_RULES if rule.opt_in)
# The project around the documents: the opt-in rules, and doc2.py without UWF101.
PYPROJECT = f"""\
[tool.wfcheck]
extend-select = {OPT_IN!r}
per-file-ignores = {{ "doc2.py" = ["UWF101"] }}
"""

# The editor's `wfcheck` settings a session switches between.
EDITOR_SETTINGS: list[dict[str, Any]] = [
    {},
    {"configuration": {"ignore": ["UWF1"]}},
    {"configuration": {"extend-select": ["UWF001"]}, "configurationPreference": "filesystemFirst"},
    {"configurationPreference": "editorOnly", "configuration": {"select": ["UWF3"]}},
    {"configuration": {"per-file-ignores": {"doc1.py": ["UWF"]}}},
    {"showSyntaxErrors": False},
    {"configuration": {"select": ["NOPE"]}},  # a configuration error: the defaults, and a note
    {"unknown": 1},
]


# Modules that import each other's helpers (`doc0` to `doc2`: the documents' modules), so that
# a document's findings depend on what the others hold: open, their unsaved text; closed, the
# disk's (nothing).
IMPORTING = [
    "import time\n\n\ndef stamp():\n    return time.time()\n\n\n"
    "async def charge(context, amount):\n    await context.run('charge', lambda: amount)\n",
    *(
        f"from doc{other} import charge, stamp\n"
        "from upstash_workflow import AsyncWorkflowContext\n\n\n"
        "async def flow(context: AsyncWorkflowContext[dict]) -> None:\n"
        "    started = stamp()\n    await charge(context, started)\n"
        for other in range(SLOTS)
    ),
]


def _texts() -> list[str]:
    """What documents are opened with (besides IMPORTING): the small fixtures and the examples,
    the server tests' workflows (with non-ASCII text), and line endings of every kind."""
    texts = [NIGHTLY, COMMANDE, NIGHTLY.replace("\n", "\r\n"), ""]
    texts.append(NIGHTLY.replace("import time\n", "import time\x0c\n# a line\u2028separator\n"))
    for path in corpus_files():
        text = path.read_text("utf-8")
        if len(text.splitlines()) <= 80:
            texts.append(text)
    return texts


TEXTS = _texts()
INSERTED = st.one_of(
    st.sampled_from(
        [
            "",
            "context",
            "await ",
            "await context.run('step', lambda: 1)\n",
            "time.time()",
            "\n",
            "\n    ",
            "    ",
            "(",
            ")",
            ":",
            "#",
            "'",
            '"""',
            "é",
            "😀",
            "\r\n",
            "\r",
            "\t",
            "\x0c",
            "\u2028",
            "  # noqa",
            "  # noqa: UWF101",
            "if time.time():\n        return\n",
            "def helper(fallback=context):\n",
            "del context\n",
        ]
    ),
    st.text(max_size=6),
)


def client_position(text: str, offset: int, encoding: str) -> types.Position:
    """The LSP position of a string index, in the client's code units."""
    start = 0
    lines = lines_with_ends(text)
    for number, line in enumerate(lines):
        if offset < start + len(line) or number == len(lines) - 1:
            return lsp_position(text, number, offset - start, encoding)
        start += len(line)
    raise AssertionError("unreachable")


def not_in_crlf(text: str, offset: int) -> int:
    """The offset, moved off the middle of a `\\r\\n` (a position cannot be there)."""
    return (
        offset - 1 if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n" else offset
    )


@dataclass
class Server:
    """One server and its client for every session of a test."""

    loop: asyncio.AbstractEventLoop
    session: Session
    root: Path
    editor_settings: dict[str, Any]
    compared: int = 0  # diagnostics compared, over all the sessions
    nonempty: int = 0  # of which with at least one finding

    def run(self, work: Awaitable[Result]) -> Result:
        return self.loop.run_until_complete(asyncio.wait_for(work, 2 * ANSWER_TIMEOUT))

    @property
    def alive(self) -> bool:
        process = self.session.client._server
        return process is not None and process.returncode is None

    @property
    def pushes(self) -> bool:
        return not self.session.pulls

    def uri(self, slot: int) -> str:
        return self.path(slot).as_uri()

    def path(self, slot: int) -> Path:
        return self.root / f"doc{slot}.py"

    def expected(self, slot: int, texts: dict[int, str]) -> list[Any]:
        """A fresh full check of the document's text with the settings the server should
        have, on a fresh index of the project whose modules are the open documents."""
        path, text = self.path(slot), texts[slot]
        editor = editor_settings(merged_settings({}, self.editor_settings))
        configuration = ConfigurationResolver().resolve(path, editor, self.root)
        if configuration.excluded:
            report = FileReport()
        else:
            settings = configuration.settings
            opened = {self.path(other).resolve(): text for other, text in texts.items()}

            def module_text(module: Path) -> str | None:
                return opened.get(module) or read_source_if_readable(module)

            index = ProjectIndex(ProjectLayout(self.root), settings.detection, module_text)
            report = check_source(text, settings, filename=str(path), project=index)
        assert report.internal_error is None, f"{report.internal_error}\n--- text ---\n{text}"
        converter = PositionConverter(SourceText(text), Encoding(self.session.encoding))
        diagnostics = lsp_diagnostics(
            report,
            self.uri(slot),
            converter,
            docs_url=configuration.docs_url,
            show_syntax_errors=configuration.show_syntax_errors,
            problems=configuration.problems,
        )
        return CONVERTER.unstructure(diagnostics)

    async def diagnostics(self, slot: int, version: int | None, after: int) -> list[Any]:
        """The diagnostics the editor shows once the server has checked the document: pulled,
        or the last ones pushed (after index `after`) for that version."""
        uri = self.uri(slot)
        if not self.pushes:
            return CONVERTER.unstructure(await self.session.diagnostics(uri))
        # A barrier: the server answers a hover once the document's analysis is done, after
        # publishing it (a diagnostic of an earlier step may still be on its way before that).
        await self.session.hover(uri, types.Position(line=0, character=0))
        published = [p for p in self.session.client.published[after:] if p.uri == uri]
        assert published, f"nothing published for {uri} after #{after}"
        assert published[-1].version == version, [p.version for p in published]
        return CONVERTER.unstructure(published[-1].diagnostics)


class EditingSession(RuleBasedStateMachine):
    def __init__(self, server: Server) -> None:
        super().__init__()
        self.server = server
        self.texts: dict[int, str] = {}
        self.versions: dict[int, int] = {}

    @contextlib.contextmanager
    def step(self, *slots: int) -> Iterator[None]:
        """Send what the block sends, then compare the diagnostics of `slots` with a fresh check."""
        after = len(self.server.session.client.published)
        yield
        for slot in slots:
            got = self.server.run(self.server.diagnostics(slot, self.versions[slot], after))
            expected = self.server.expected(slot, self.texts)
            assert got == expected, self.mismatch(slot, after)
            self.server.compared += 1
            self.server.nonempty += bool(expected)

    def mismatch(self, slot: int, after: int) -> str:
        """What the server published for the document, for a failure's message."""
        uri = self.server.uri(slot)
        published = [
            f"  #{index}: version {params.version}: {[d.code for d in params.diagnostics]}"
            for index, params in enumerate(self.server.session.client.published)
            if params.uri == uri
        ]
        return (
            f"doc{slot}.py, version {self.versions[slot]}, published after #{after}:\n"
            + "\n".join(published)
            + f"\n--- text ---\n{self.texts[slot]!r}"
        )

    def open_slots(self) -> list[int]:
        return sorted(self.texts)

    @precondition(lambda self: len(self.texts) < SLOTS)
    @rule(data=st.data())
    def open(self, data: st.DataObject) -> None:
        slot = data.draw(st.sampled_from(sorted(set(range(SLOTS)) - self.texts.keys())))
        text = data.draw(st.sampled_from(TEXTS) | st.sampled_from(IMPORTING))
        self.texts[slot], self.versions[slot] = text, 1
        with self.step(slot):
            item = types.TextDocumentItem(
                uri=self.server.uri(slot), language_id="python", version=1, text=text
            )
            self.server.session.client.text_document_did_open(types.DidOpenTextDocumentParams(item))

    @precondition(lambda self: self.texts)
    @rule(data=st.data())
    def edit(self, data: st.DataObject) -> None:
        """One to three ranged changes in one didChange, each on the text the previous left."""
        slot = data.draw(st.sampled_from(self.open_slots()))
        encoding = self.server.session.encoding
        text = self.texts[slot]
        changes: list[types.TextDocumentContentChangeEvent] = []
        for _ in range(data.draw(st.integers(1, 3))):
            start = not_in_crlf(text, data.draw(st.integers(0, len(text))))
            end = data.draw(st.integers(start, min(len(text), start + 60)))
            end = not_in_crlf(text, end)
            inserted = data.draw(INSERTED)
            range_ = types.Range(
                start=client_position(text, start, encoding),
                end=client_position(text, end, encoding),
            )
            changes.append(types.TextDocumentContentChangePartial(range=range_, text=inserted))
            text = text[:start] + inserted + text[end:]
        self.texts[slot] = text
        self.versions[slot] += 1
        with self.step(slot):
            identifier = types.VersionedTextDocumentIdentifier(
                uri=self.server.uri(slot), version=self.versions[slot]
            )
            params = types.DidChangeTextDocumentParams(identifier, changes)
            self.server.session.client.text_document_did_change(params)

    @precondition(lambda self: self.texts)
    @rule(data=st.data())
    def save(self, data: st.DataObject) -> None:
        slot = data.draw(st.sampled_from(self.open_slots()))
        with self.step(slot):
            identifier = types.TextDocumentIdentifier(uri=self.server.uri(slot))
            params = types.DidSaveTextDocumentParams(identifier)
            self.server.session.client.text_document_did_save(params)

    @rule(value=st.sampled_from(EDITOR_SETTINGS))
    def change_settings(self, value: dict[str, Any]) -> None:
        with self.step(*self.open_slots()):
            self.change_editor_settings(value)

    def change_editor_settings(self, value: dict[str, Any]) -> None:
        self.server.editor_settings = value
        client = self.server.session.client
        client.set_configuration(value, section="wfcheck")
        params = types.DidChangeConfigurationParams(settings=None)
        client.workspace_did_change_configuration(params)

    @precondition(lambda self: self.texts)
    @rule(data=st.data())
    def close(self, data: st.DataObject) -> None:
        self.close_document(data.draw(st.sampled_from(self.open_slots())))

    def close_document(self, slot: int) -> None:
        """Closed: the server clears the pushed diagnostics, and pulls get none."""
        after = len(self.server.session.client.published)
        del self.texts[slot], self.versions[slot]
        identifier = types.TextDocumentIdentifier(uri=self.server.uri(slot))
        self.server.session.client.text_document_did_close(
            types.DidCloseTextDocumentParams(identifier)
        )
        assert self.server.run(self.server.diagnostics(slot, None, after)) == []

    @invariant()
    def the_server_is_alive(self) -> None:
        assert self.server.alive

    def teardown(self) -> None:
        """Leave the server as the next session expects it: nothing open, no editor settings."""
        if not self.server.alive:
            return
        for slot in self.open_slots():
            self.close_document(slot)
        if self.server.editor_settings:
            self.change_editor_settings({})


@pytest.mark.parametrize(("client", "sessions"), [(VS_CODE, 60), (NEOVIM, 40)])
def test_editing_sessions(client: str, sessions: int, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    for slot in range(SLOTS):  # on disk, empty: the documents' modules are found by their files
        (tmp_path / f"doc{slot}.py").write_text("", "utf-8")
    loop = asyncio.new_event_loop()
    starting = start_session(client, root=tmp_path, configuration={})
    session = loop.run_until_complete(starting.__aenter__())
    server = Server(loop, session, tmp_path, {})
    assert server.pushes == (client == VS_CODE)
    try:
        run_state_machine_as_test(
            lambda: EditingSession(server),
            settings=settings(
                max_examples=sessions,
                stateful_step_count=25,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            ),
        )
        assert server.alive
        # The sessions did something: many comparisons, most of them of findings.
        print(f"{server.compared} comparisons, {server.nonempty} with findings")
        assert server.compared >= 4 * sessions
        assert server.nonempty >= server.compared / 3
    finally:
        loop.run_until_complete(starting.__aexit__(None, None, None))
        loop.close()
