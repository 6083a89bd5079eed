"""Quick fixes, `# noqa` and fix-all, applied as the client applies them, then checked again.

The quick-fix test takes every fix the engine offers on the fixture files and the examples
(with the opt-in rules selected), so each new fix is tested here as soon as a fixture shows it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from lsprotocol import types

from tests.conftest import FIXTURES
from tests.lsp.session import (
    CLIENTS,
    NEOVIM,
    VS_CODE,
    Session,
    capabilities,
    lsp_position,
    start_session,
)
from wfcheck.config import settings_for_file
from wfcheck.diagnostics import Diagnostic, Range
from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.fixing import applies, fix_text
from wfcheck.noqa import add_noqa_directives
from wfcheck.project.index import ProjectIndex
from wfcheck.project.layout import ProjectLayout
from wfcheck.rules import ALL_RULES
from wfcheck.settings import RuleSelection, Settings
from wfcheck.source import SourceText

pytestmark = pytest.mark.asyncio(loop_scope="module")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROJECTS = FIXTURES / "projects"
OPT_IN = [rule.code for rule in ALL_RULES if rule.opt_in]
SETTINGS = Settings(selection=RuleSelection(extend_select=tuple(OPT_IN)))
EDITOR_SETTINGS = {"settings": {"configuration": {"extend-select": OPT_IN}}}
UNSAFE = " (unsafe: changes the workflow's steps)"


def files() -> list[Path]:
    return sorted([*FIXTURES.rglob("*.py"), *EXAMPLES.glob("*.py")])


def findings(text: str, path: Path | None = None) -> list[Diagnostic]:
    """The engine's findings; for a module of a fixture project, with the project's other
    modules followed, as the server follows them."""
    if path is None or PROJECTS not in path.parents:
        return list(check_source(text, SETTINGS).diagnostics)
    root = next(parent for parent in path.parents if parent.parent == PROJECTS)
    settings = replace(SETTINGS, detection=settings_for_file(path).detection)  # the project's
    index = ProjectIndex(ProjectLayout(root), settings.detection)
    return list(check_source(text, settings, filename=str(path), project=index).diagnostics)


def client_range(text: str, range_: Range, encoding: str) -> types.Range:
    start, end = range_.start, range_.end
    return types.Range(
        lsp_position(text, start.line - 1, start.column, encoding),
        lsp_position(text, end.line - 1, end.column, encoding),
    )


def shown(text: str, diagnostics: list[Diagnostic], encoding: str) -> list[tuple[object, ...]]:
    """The engine's findings as the client must see them: code and range in its units."""
    return [(d.code, client_range(text, d.range, encoding)) for d in diagnostics]


def fix_title(diagnostic: Diagnostic) -> str:
    assert diagnostic.fix is not None
    title = f"wfcheck ({diagnostic.code}): {diagnostic.fix.title}"
    return title if applies(diagnostic.fix, unsafe=False) else title + UNSAFE


async def action_titled(
    session: Session, uri: str, range_: types.Range, title: str
) -> types.CodeAction:
    """The action of that title for the finding at exactly that range."""
    actions = await session.code_actions(uri, range_)
    (action,) = [
        a
        for a in actions
        if a.title == title and a.diagnostics and a.diagnostics[0].range == range_
    ]
    return await session.resolved(action)


@pytest.mark.parametrize("client", CLIENTS)
async def test_every_quick_fix_applies_and_the_finding_goes(client: str) -> None:
    fixes = 0
    async with start_session(client, initialization_options=EDITOR_SETTINGS) as session:
        for path in files():
            text = path.read_text("utf-8")
            fixable = [d for d in findings(text, path) if d.fix and applies(d.fix, unsafe=True)]
            if not fixable:
                continue
            uri = path.as_uri()
            session.open(uri, text)
            for diagnostic in fixable:
                assert diagnostic.fix is not None
                range_ = client_range(text, diagnostic.range, session.encoding)
                action = await action_titled(session, uri, range_, fix_title(diagnostic))
                assert action.kind == types.CodeActionKind.QuickFix
                assert action.is_preferred is applies(diagnostic.fix, unsafe=False)
                assert action.edit is not None
                fixed = session.edited_text(uri, action.edit)
                assert fixed == apply_edits(SourceText(text), diagnostic.fix.edits), path
                session.replace(uri, fixed)
                after = await session.diagnostics(uri)
                expected = findings(fixed, path)
                assert [(d.code, d.range) for d in after] == shown(
                    fixed, expected, session.encoding
                )
                codes = [d.code for d in expected]
                assert codes.count(diagnostic.code) < [d.code for d in findings(text, path)].count(
                    diagnostic.code
                ), (path, diagnostic)
                session.replace(uri, text)
                fixes += 1
    assert fixes >= 100  # the fixtures hold fixes of many rules; this keeps the sweep honest


async def test_display_only_fixes_are_not_offered(shared: Session, document_uri: str) -> None:
    text = (FIXTURES / "rules" / "structure" / "no_steps_routes.py").read_text("utf-8")
    (diagnostic, *_) = [d for d in findings(text) if d.code == "UWF301"]
    assert diagnostic.fix is not None and not applies(diagnostic.fix, unsafe=True)
    shared.open(document_uri, text)
    range_ = client_range(text, diagnostic.range, shared.encoding)
    actions = await shared.code_actions(document_uri, range_)
    titles = [a.title for a in actions if a.diagnostics and a.diagnostics[0].range == range_]
    assert titles == ["wfcheck (UWF301): Disable for this line"]


NOQA_CASES = [
    (
        "    started = time.time()\n",
        "    started = time.time()  # noqa: UWF101\n",
    ),
    (
        "    started = time.time()   # when it began  \n",
        "    started = time.time()   # when it began  # noqa: UWF101\n",
    ),
    (
        "    started = time.time()  # noqa: E501\n",
        "    started = time.time()  # noqa: E501, UWF101\n",
    ),
    (
        "    started = time.time()  # type: ignore # noqa:E501 -- long\n",
        "    started = time.time()  # type: ignore # noqa:E501, UWF101 -- long\n",
    ),
    (
        "    started = (\n        time.time())\n",
        "    started = (\n        time.time())  # noqa: UWF101\n",
    ),
]
NOQA_HEADER = """\
import time

from upstash_workflow import AsyncWorkflowContext


async def job(context: AsyncWorkflowContext) -> None:
"""
NOQA_FOOTER = '    await context.run("s", lambda: started)\n'


@pytest.mark.parametrize(("line", "expected"), NOQA_CASES)
async def test_disable_for_this_line(
    shared: Session, document_uri: str, line: str, expected: str
) -> None:
    text = NOQA_HEADER + line + NOQA_FOOTER
    shared.open(document_uri, text)
    (diagnostic,) = await shared.diagnostics(document_uri)
    title = "wfcheck (UWF101): Disable for this line"
    action = await action_titled(shared, document_uri, diagnostic.range, title)
    assert action.edit is not None
    fixed = shared.edited_text(document_uri, action.edit)
    shared.replace(document_uri, fixed)
    after = await shared.diagnostics(document_uri)
    assert fixed == NOQA_HEADER + expected + NOQA_FOOTER
    assert after == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            '    started = f"""{time.time()}\n    """\n',
            '    started = f"""{time.time()}\n    """  # noqa: UWF101\n',
        ),
        (
            "    started = time.time() + \\\n        1\n",
            "    started = time.time() + \\\n        1  # noqa: UWF101\n",
        ),
    ],
    ids=["string", "backslash"],
)
async def test_disable_for_a_line_that_goes_on_uses_ruffs_noqa_row(
    shared: Session, document_uri: str, line: str, expected: str
) -> None:
    """A finding on a line that goes on inside a string or after a backslash: the comment
    goes where flake8 and Ruff read it, and where `--add-noqa` puts it: the last line."""
    text = NOQA_HEADER + line + NOQA_FOOTER
    shared.open(document_uri, text)
    (diagnostic,) = await shared.diagnostics(document_uri)
    title = "wfcheck (UWF101): Disable for this line"
    action = await action_titled(shared, document_uri, diagnostic.range, title)
    assert action.edit is not None
    fixed = shared.edited_text(document_uri, action.edit)
    assert fixed == NOQA_HEADER + expected + NOQA_FOOTER
    findings = check_source(text).diagnostics
    assert add_noqa_directives(SourceText(text), findings) == (fixed, 1)
    shared.replace(document_uri, fixed)
    assert await shared.diagnostics(document_uri) == []


async def test_a_client_that_does_not_resolve_gets_the_edits_at_once() -> None:
    caps = capabilities(VS_CODE)
    assert caps.text_document and caps.text_document.code_action
    caps.text_document.code_action.resolve_support = None
    uri = "file:///project/job.py"
    text = NOQA_HEADER + NOQA_CASES[0][0] + NOQA_FOOTER
    async with start_session(caps) as session:
        session.open(uri, text)
        (diagnostic,) = await session.diagnostics(uri)
        actions = await session.code_actions(uri, diagnostic.range)
    assert all(action.edit is not None for action in actions)
    assert [a.title for a in actions] == [
        "wfcheck (UWF101): Wrap time.time() in a step" + UNSAFE,
        "wfcheck (UWF101): Disable for this line",
    ]


def safe_fix_files() -> list[Path]:
    return [
        path
        for path in files()
        if any(d.fix and applies(d.fix, unsafe=False) for d in findings(path.read_text("utf-8")))
    ]


@pytest.mark.parametrize("client", CLIENTS)
async def test_fix_all_applies_every_safe_fix_and_no_unsafe_one(client: str) -> None:
    paths = safe_fix_files()
    assert paths
    whole = types.Range(types.Position(0, 0), types.Position(0, 0))
    async with start_session(client, initialization_options=EDITOR_SETTINGS) as session:
        for path in paths:
            text = path.read_text("utf-8")
            uri = path.as_uri()
            session.open(uri, text)
            actions = await session.code_actions(uri, whole, only=["source.fixAll"])
            (action,) = [await session.resolved(a) for a in actions]
            assert (action.title, action.kind) == (
                "wfcheck: Fix all auto-fixable problems",
                "source.fixAll.wfcheck",
            )
            assert action.edit is not None
            fixed = session.edited_text(uri, action.edit)
            assert fixed == fix_text(text, SETTINGS, unsafe=False, filename=str(path)).text
            session.replace(uri, fixed)
            remaining = await session.diagnostics(uri)
            assert [d.code for d in remaining] == [d.code for d in findings(fixed)]


async def test_fix_all_is_offered_only_with_safe_fixes_and_when_asked_for() -> None:
    unsafe_only = NOQA_HEADER + NOQA_CASES[0][0] + NOQA_FOOTER
    (with_safe, *_) = safe_fix_files()
    whole = types.Range(types.Position(0, 0), types.Position(0, 0))
    async with start_session(NEOVIM) as session:
        session.open("file:///project/unsafe.py", unsafe_only)
        unsafe_actions = await session.code_actions(
            "file:///project/unsafe.py", whole, only=["source"]
        )
        session.open(with_safe.as_uri(), with_safe.read_text("utf-8"))
        quick_fixes = await session.code_actions(with_safe.as_uri(), whole, only=["quickfix"])
        sources = await session.code_actions(with_safe.as_uri(), whole, only=["source"])
    assert unsafe_actions == []
    assert all(a.kind == "quickfix" for a in quick_fixes)
    assert [a.kind for a in sources] == ["source.fixAll.wfcheck"]
