"""Checking open documents off the event loop, newest version first.

The engine runs in a worker thread, so the server keeps reading messages while it works. One
analysis per document runs at a time; changes that arrive meanwhile only update the document,
and when the analysis ends its result is kept only if it is still about the document's
current version and settings. Otherwise the newest version is analysed next: the versions in
between are never analysed, and the result of a superseded one is never shown.

The engine pauses automatic garbage collection while it checks (its tree and model hold no
reference cycles); the pause here goes on until the result has gone out.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from wfcheck.engine import FileReport, InternalError
from wfcheck.while_checking import collector_paused
from wfcheck_lsp.configuration import Configuration
from wfcheck_lsp.documents import Document

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    document: Document
    configuration: Configuration
    report: FileReport
    # The check request it answers: a newer request (a change, a save, new settings) makes
    # it stale.
    request: int
    # Unique per analysis: the `resultId` of pull diagnostics.
    serial: int


Result = TypeVar("Result")
Analyse = Callable[[Document], tuple[Configuration, FileReport]]
Publish = Callable[[Analysis], None]


class Checker:
    def __init__(self, analyse: Analyse, publish: Publish) -> None:
        self._analyse = analyse
        self._publish = publish
        self._documents: dict[str, Document] = {}
        self._requests: dict[str, int] = {}
        self._results: dict[str, Analysis] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._counter = itertools.count(1)
        self._changed = asyncio.Event()
        self._started = asyncio.Event()
        # One thread: the engine raises the recursion limit, a process-wide setting, while it
        # runs, so two analyses at once could lower it under each other.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wfcheck")

    def start(self) -> None:
        """Begin analysing: the server holds analyses back until it has the client's settings."""
        self._started.set()

    def pause(self) -> None:
        """Hold analyses back, and the answers that wait for them, until `start`: the
        settings are changing."""
        self._started.clear()
        self.recheck_all()

    def document(self, uri: str) -> Document | None:
        return self._documents.get(uri)

    def update(self, document: Document) -> None:
        """A new document or version: analyse it once the running analysis, if any, ends."""
        self._documents[document.uri] = document
        self._request(document.uri)

    def recheck(self, uri: str) -> None:
        """Analyse the document again, though its version has not changed (a save)."""
        if uri in self._documents:
            self._request(uri)

    def recheck_dependents(self, modules: set[str]) -> None:
        """Analyse again the open documents whose last analysis used one of these modules."""
        for uri, analysis in list(self._results.items()):
            used = {path for path, _ in analysis.report.dependencies}
            if used & modules and uri in self._documents:
                self._request(uri)

    def recheck_all(self) -> None:
        """The settings changed: every open document is analysed again."""
        for uri in self._documents:
            self._request(uri)

    def close(self, uri: str) -> None:
        self._documents.pop(uri, None)
        self._requests.pop(uri, None)
        self._results.pop(uri, None)
        self._notify()

    async def current(self, uri: str) -> Analysis | None:
        """The analysis of the document as it is now; None for a document that is not open."""
        while not self._is_settled(uri):
            await self._changed.wait()
        return self._results.get(uri)

    async def run(self, function: Callable[..., Result], *args: Any) -> Result:
        """Run work that reads or re-checks a text (fix-all) on the engine's thread."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, function, *args)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _is_settled(self, uri: str) -> bool:
        if uri not in self._documents:
            return True
        analysis = self._results.get(uri)
        return analysis is not None and analysis.request == self._requests[uri]

    def _request(self, uri: str) -> None:
        self._requests[uri] = next(self._counter)
        if uri not in self._workers:
            self._workers[uri] = asyncio.create_task(self._work(uri), name=f"check {uri}")

    async def _work(self, uri: str) -> None:
        try:
            while not self._is_settled(uri):
                await self._started.wait()
                request = self._requests[uri]
                with collector_paused():
                    analysis = await self._run(self._documents[uri], request)
                    if self._requests.get(uri) == request:  # else superseded while it ran
                        self._keep(analysis)
        finally:
            del self._workers[uri]

    def _keep(self, analysis: Analysis) -> None:
        uri = analysis.document.uri
        self._results[uri] = analysis
        self._notify()
        try:
            self._publish(analysis)
        except Exception as error:  # a closed connection, a bug in the conversion
            logger.error("publishing %s failed: %s: %s", uri, type(error).__name__, error)

    def _notify(self) -> None:
        """Wake whoever waits for an analysis."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def _run(self, document: Document, request: int) -> Analysis:
        try:
            configuration, report = await self.run(self._analyse, document)
        except Exception as error:  # a bug outside the engine's own guard (the settings)
            configuration = Configuration()
            report = FileReport(internal_error=InternalError.of(error))
        if report.internal_error is not None:
            logger.error("checking %s failed: %s", document.uri, report.internal_error)
        return Analysis(document, configuration, report, request, next(self._counter))
