"""Hover shows the rule's documentation: on a finding, and on a code in a `# noqa` comment."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.lsp.session import VS_CODE, Session, capabilities, start_session
from wfcheck.docs import rule_markdown
from wfcheck.rules import RULES_BY_CODE

pytestmark = pytest.mark.asyncio(loop_scope="module")

URI = "file:///project/app/job.py"
TEXT = """\
import time
import uuid

from upstash_workflow import AsyncWorkflowContext


async def job(context: AsyncWorkflowContext) -> None:
    started = time.time()
    token = uuid.uuid4()  # noqa: E501, UWF102 UWF999
    await context.run("s", lambda: (started, str(token)))
"""


def at(line: int, column: int) -> types.Position:
    return types.Position(line=line, character=column)


async def test_hover_on_a_finding_shows_its_rule(shared: Session, document_uri: str) -> None:
    shared.open(document_uri, TEXT)
    (finding,) = await shared.diagnostics(document_uri)
    on_finding = await shared.hover(document_uri, at(7, 20))
    beside = await shared.hover(document_uri, at(7, 6))
    assert finding.code == "UWF101"
    assert on_finding is not None
    assert on_finding.contents == types.MarkupContent(
        kind=types.MarkupKind.Markdown, value=rule_markdown(RULES_BY_CODE["UWF101"])
    )
    assert on_finding.range == finding.range
    assert beside is None


async def test_hover_on_a_code_in_a_noqa_comment(shared: Session, document_uri: str) -> None:
    line = TEXT.splitlines()[8]
    code = line.index("UWF102")
    shared.open(document_uri, TEXT)
    on_code = await shared.hover(document_uri, at(8, code + 3))
    on_other_tool = await shared.hover(document_uri, at(8, line.index("E501") + 1))
    on_unknown = await shared.hover(document_uri, at(8, line.index("UWF999") + 1))
    assert on_code is not None
    assert on_code.contents == types.MarkupContent(
        kind=types.MarkupKind.Markdown, value=rule_markdown(RULES_BY_CODE["UWF102"])
    )
    assert on_code.range == types.Range(at(8, code), at(8, code + 6))
    assert on_other_tool is None
    assert on_unknown is None


async def test_a_client_without_markdown_gets_plain_text() -> None:
    caps = capabilities(VS_CODE)
    assert caps.text_document and caps.text_document.hover
    caps.text_document.hover.content_format = [types.MarkupKind.PlainText]
    async with start_session(caps) as session:
        session.open(URI, TEXT)
        hover = await session.hover(URI, at(7, 20))
    assert hover is not None
    assert hover.contents == types.MarkupContent(
        kind=types.MarkupKind.PlainText, value=rule_markdown(RULES_BY_CODE["UWF101"])
    )


async def test_hover_in_a_document_that_is_not_open(shared: Session) -> None:
    assert await shared.hover("file:///project/elsewhere.py", at(0, 0)) is None
