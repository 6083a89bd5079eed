"""The language server follows a project's modules as `wfcheck check` does
(tests/test_projects.py), and re-publishes an open caller when its helper changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.lsp.session import VS_CODE, Session, start_session
from tests.test_projects import NAMES, PROJECTS, expected_differences

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def _lsp_findings(session: Session, path: Path) -> list[tuple[int, int, str]]:
    session.open(path.as_uri(), path.read_text("utf-8"))
    diagnostics = await session.diagnostics(path.as_uri())
    return [(d.range.start.line + 1, d.range.start.character + 1, str(d.code)) for d in diagnostics]


@pytest.mark.parametrize("name", NAMES)
async def test_the_language_server_follows_the_project(name: str) -> None:
    project = PROJECTS / name
    async with start_session(VS_CODE, root=project) as session:
        found = {}
        for path in sorted(project.rglob("*.py")):
            if path.name == "broken.py":
                continue
            findings = await _lsp_findings(session, path)
            if findings:
                found[path.resolve()] = findings
    assert expected_differences(project, found) == {}


async def test_an_edit_to_an_open_helper_republishes_its_open_caller(tmp_path: Path) -> None:
    project = tmp_path / "deep_chain"
    shutil.copytree(PROJECTS / "deep_chain", project)
    flow, clock = project / "deep" / "flow.py", project / "deep" / "clock.py"
    async with start_session(VS_CODE, root=project) as session:
        session.open(clock.as_uri(), clock.read_text("utf-8"))
        assert await session.diagnostics(clock.as_uri()) == []
        assert [code for *_, code in await _lsp_findings(session, flow)] == ["UWF101"]
        published = len(session.client.published)
        session.replace(clock.as_uri(), "def now_ms() -> int:\n    return 0\n")
        # the caller's version has not changed: its new diagnostics come with the same one
        assert await session.client.published_for(flow.as_uri(), 1, after=published) == []


async def test_related_information_points_into_the_module_that_reads_the_source() -> None:
    project = PROJECTS / "deep_chain"
    flow, clock = project / "deep" / "flow.py", project / "deep" / "clock.py"
    async with start_session(VS_CODE, root=project) as session:
        session.open(flow.as_uri(), flow.read_text("utf-8"))
        (diagnostic,) = await session.diagnostics(flow.as_uri())
    (related,) = diagnostic.related_information or []
    assert related.message == "time.time() is read here"
    assert related.location.uri == clock.resolve().as_uri()
    assert (related.location.range.start.line, related.location.range.start.character) == (4, 15)
    assert (related.location.range.end.line, related.location.range.end.character) == (4, 26)
