"""Checking and fixing many files: settings per file, the cache, and all cores.

The command line reads every file in the main process (the cache is keyed by content), and
hands the files that the cache does not answer to a pool of worker processes, one per core.
Small runs stay in the main process, where starting workers would cost more than it saves.
The module summaries kept in the cache go to the workers when they start, and the summaries
they make come back with their outcomes, to be kept for the next run.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wfcheck.cache import EntryFile, ResultCache, SummaryStore
from wfcheck.engine import FileReport, InternalError, check_source
from wfcheck.fixing import FixResult, applicable_fixes, fix_text
from wfcheck.project.index import ProjectIndex, keep_shared_summaries, shared_index
from wfcheck.settings import Settings

# Below this much source text in total, the run stays in one process.
PARALLEL_THRESHOLD_BYTES = 256 * 1024


@dataclass(frozen=True)
class Job:
    """One file to check, or to fix when `fix` is set (`unsafe` adds the unsafe fixes)."""

    text: str
    data: bytes
    settings: Settings
    filename: str
    fix: bool = False
    unsafe: bool = False
    # A file on disk: names it imports from its project's modules are followed (`checked`:
    # the folders the run was given, where no pyproject.toml marks the project's root).
    in_project: bool = False
    checked: tuple[Path, ...] = ()

    @property
    def project(self) -> ProjectIndex | None:
        if not self.in_project:
            return None
        return shared_index(Path(self.filename), self.settings.detection, self.checked)


@dataclass(frozen=True)
class Outcome:
    """What a job found: the report of the (fixed) text, and the fixing when asked for; from
    a worker process, the summaries of project modules it made (entries of the cache)."""

    report: FileReport
    fixing: FixResult | None = None
    summaries: dict[str, list[Any]] = field(default_factory=dict)


def run_job(job: Job) -> Outcome:
    """The job's outcome; a bug of wfcheck is reported as the file's internal error, so that
    the other files are still checked."""
    project = job.project
    report = check_source(job.text, job.settings, filename=job.filename, project=project)
    if not job.fix or not applicable_fixes(report.diagnostics, unsafe=job.unsafe):
        return Outcome(report)
    try:
        fixing = fix_text(
            job.text,
            job.settings,
            unsafe=job.unsafe,
            filename=job.filename,
            report=report,
            project=project,
        )
    except Exception as error:  # a bug in a fix: the file keeps its text and its findings
        return Outcome(replace(report, internal_error=InternalError.of(error)))
    return Outcome(fixing.report, fixing)


def run_jobs(jobs: Sequence[Job], cache: ResultCache | None) -> list[Outcome]:
    """The outcome of each job, in order: from the cache where it knows the file's content
    and settings (and there is nothing to fix), else computed, in parallel when it pays."""
    store = cache.summaries if cache else None
    keep_shared_summaries(store)
    try:
        return _outcomes(jobs, cache, store)
    finally:
        keep_shared_summaries(None)


def _outcomes(
    jobs: Sequence[Job], cache: ResultCache | None, store: SummaryStore | None
) -> list[Outcome]:
    outcomes: list[Outcome | None] = [None] * len(jobs)
    keys = [
        cache.key(job.data, job.settings, os.path.abspath(job.filename)) if cache else ""
        for job in jobs
    ]
    pending = []
    remembered = False
    for index, job in enumerate(jobs):
        cached = cache.get(keys[index]) if cache else None
        if cached is not None and cached.dependencies and not remembered:
            _remember_texts(jobs)  # what `_is_current` compares, read already
            remembered = True
        if cached is not None and not _is_current(cached, job):
            cached = None
        if cached is not None and not (
            job.fix and applicable_fixes(cached.diagnostics, unsafe=job.unsafe)
        ):
            outcomes[index] = Outcome(cached)
        else:
            pending.append(index)
    computed = _compute([jobs[index] for index in pending], store)
    for index, outcome in zip(pending, computed, strict=True):
        outcomes[index] = outcome
        if cache and outcome.fixing is None:
            cache.put(keys[index], outcome.report)
        if store is not None:
            store.file.add(outcome.summaries)
    return [outcome for outcome in outcomes if outcome is not None]


def _is_current(report: FileReport, job: Job) -> bool:
    """A cached result still holds while the project modules its summaries were made from
    are unchanged, or their summaries, made again, are the same (an edited helper re-checks
    its callers)."""
    if not report.dependencies:
        return True
    project = job.project
    if project is None:
        return False
    return project.view(Path(job.filename)).is_current(report.dependencies, report.texts)


def _remember_texts(jobs: Sequence[Job]) -> None:
    """The files' texts, read already, for the indexes that look up whether a module has
    changed."""
    for job in jobs:
        project = job.project
        if project is not None:
            project.remember_text(Path(job.filename).resolve(), job.text)


def _compute(jobs: list[Job], store: SummaryStore | None) -> list[Outcome]:
    workers = os.cpu_count() or 1
    size = sum(len(job.data) for job in jobs)
    if workers < 2 or len(jobs) < 2 or size < PARALLEL_THRESHOLD_BYTES:
        return [run_job(job) for job in jobs]
    try:
        return _in_pool(jobs, workers, store)
    except (OSError, BrokenProcessPool):  # no processes here (a sandbox): one is enough
        return [run_job(job) for job in jobs]


def _in_pool(jobs: list[Job], workers: int, store: SummaryStore | None) -> list[Outcome]:
    chunk = max(1, len(jobs) // (workers * 8))
    kept = (store.file.entries, store.file.today) if store is not None else None
    with ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)), initializer=_start_worker, initargs=(kept,)
    ) as pool:
        return list(pool.map(_run_in_worker, jobs, chunksize=chunk))


# A worker process's copy of the summaries kept between runs.
_WORKER_STORE: list[SummaryStore | None] = [None]


def _start_worker(kept: tuple[dict[str, list[Any]], int] | None) -> None:
    store = SummaryStore(EntryFile(None, kept[1], kept[0])) if kept is not None else None
    _WORKER_STORE[0] = store
    keep_shared_summaries(store)


def _run_in_worker(job: Job) -> Outcome:
    outcome = run_job(job)
    store = _WORKER_STORE[0]
    return replace(outcome, summaries=store.take_added()) if store is not None else outcome
