"""The checker's scheduling: a change supersedes the analysis of the previous version.

The analysis is held at a gate, so that what happens while it runs is decided by the test,
not by the speed of the machine.
"""

from __future__ import annotations

import asyncio
import threading

import pytest
from lsprotocol import types

from wfcheck.engine import FileReport
from wfcheck_lsp.checker import Analysis, Checker
from wfcheck_lsp.configuration import Configuration
from wfcheck_lsp.documents import Document
from wfcheck_lsp.lsp_diagnostics import lsp_diagnostics
from wfcheck_lsp.positions import Encoding

pytestmark = pytest.mark.asyncio

URI = "file:///project/job.py"


class GatedAnalysis:
    """An analysis that reports when it starts and waits for the test to let it finish."""

    def __init__(self) -> None:
        self.analysed: list[int] = []
        self.started = threading.Semaphore(0)
        self.gate = threading.Event()

    def __call__(self, document: Document) -> tuple[Configuration, FileReport]:
        self.analysed.append(document.version)
        self.started.release()
        self.gate.wait()
        return Configuration(), FileReport()

    async def wait_until_started(self) -> None:
        await asyncio.to_thread(self.started.acquire)


async def checker_analysing_version_1(
    analysis: GatedAnalysis, published: list[Analysis]
) -> Checker:
    """A checker whose analysis of version 1 of the document has started, and waits."""
    checker = Checker(analysis, published.append)
    checker.start()
    checker.update(Document(URI, 1, "a = 1\n"))
    await analysis.wait_until_started()
    return checker


async def test_versions_that_arrive_during_an_analysis_are_skipped_but_the_newest() -> None:
    analysis, published = GatedAnalysis(), []
    checker = await checker_analysing_version_1(analysis, published)
    for version in (2, 3, 4):
        checker.update(Document(URI, version, f"a = {version}\n"))
    analysis.gate.set()
    current = await checker.current(URI)
    assert current is not None
    assert current.document.version == 4
    assert analysis.analysed == [1, 4]
    assert [a.document.version for a in published] == [4]


async def test_a_document_closed_during_its_analysis_publishes_nothing() -> None:
    analysis, published = GatedAnalysis(), []
    checker = await checker_analysing_version_1(analysis, published)
    waiting = asyncio.ensure_future(checker.current(URI))
    checker.close(URI)
    analysis.gate.set()
    assert await waiting is None
    assert published == []


async def test_a_failing_analysis_is_reported_as_one_and_checking_goes_on() -> None:
    def broken(document: Document) -> tuple[Configuration, FileReport]:
        if document.version == 1:
            raise ValueError("a rule's bug")
        return Configuration(), FileReport()

    checker = Checker(broken, lambda _: None)
    checker.start()
    checker.update(Document(URI, 1, "a = 1\n"))
    first = await checker.current(URI)
    checker.update(Document(URI, 2, "a = 2\n"))
    second = await checker.current(URI)
    assert first is not None and second is not None
    internal = first.report.internal_error
    assert internal is not None
    assert (internal.kind, internal.message) == ("ValueError", "a rule's bug")
    raising_line = broken.__code__.co_firstlineno + 2
    assert internal.where == f"test_checker.py:{raising_line} in broken"
    assert second.report == FileReport()
    (shown,) = lsp_diagnostics(
        first.report,
        URI,
        first.document.converter(Encoding.Utf16),
        docs_url=None,
        show_syntax_errors=True,
    )
    assert (shown.message, shown.severity, shown.range) == (
        "wfcheck could not analyse this file: internal error: ValueError: a rule's bug"
        f" (at test_checker.py:{raising_line} in broken)",
        types.DiagnosticSeverity.Warning,
        types.Range(types.Position(0, 0), types.Position(0, 0)),
    )
