"""Checking and fixing many files: settings per file, the cache, and all cores.

The command line reads every file in the main process (the cache is keyed by content), and
hands the files that the cache does not answer to a pool of worker processes, one per core.
Small runs stay in the main process, where starting workers would cost more than it saves.
The module summaries kept in the cache go to the workers when they start, and the summaries
they make come back with their outcomes, to be kept for the next run.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import Any

from wfcheck.cache import EntryFile, ResultCache, SummaryStore, today
from wfcheck.engine import FileReport, InternalError, check_source, may_use_workflows
from wfcheck.fixing import FixResult, applicable_fixes, fix_text
from wfcheck.project.index import ProjectIndex, keep_shared_summaries, shared_index
from wfcheck.settings import DetectionSettings, Settings

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
    workers = min(workers, len(jobs))
    store = store or SummaryStore(EntryFile(None, today()))  # the run's table, not kept after
    with (
        tempfile.TemporaryDirectory(prefix="wfcheck-") as shared,
        ProcessPoolExecutor(
            max_workers=workers,
            initializer=_start_worker,
            initargs=(store.file.entries, store.file.today, shared),
        ) as pool,
    ):
        levels = _summarize_first(jobs, pool, workers, store, Path(shared))
        return list(pool.map(_run_in_worker, jobs, repeat(levels), chunksize=chunk))


def _summarize_first(
    jobs: list[Job], pool: ProcessPoolExecutor, workers: int, store: SummaryStore, shared: Path
) -> int:
    """One summary table for the run: the project modules that the files which may hold
    workflow code import are summarised level by level, each level's modules split among
    the workers, which take the summaries of the levels before from `shared` (a module
    summarised in one worker is not summarised again in another). The number of levels."""
    levels = _levels(jobs)
    for number, level in enumerate(levels):
        count = min(len(level), workers * _PARTS_PER_WORKER)  # parts of a level, to balance
        parts = [level[start::count] for start in range(count)]
        made: dict[str, list[Any]] = {}
        for entries in pool.map(_summarize_in_worker, parts, repeat(number)):
            made.update(entries)
        store.file.add(made)
        (shared / f"{number}.json").write_text(json.dumps(made), encoding="utf-8")
    return len(levels)


_PARTS_PER_WORKER = 4

# A module to summarise, with the settings and checked folders of a file that imports it.
_Summarized = tuple[Path, DetectionSettings, tuple[Path, ...]]


def _levels(jobs: list[Job]) -> list[list[_Summarized]]:
    known = {os.path.abspath(job.filename): job.text for job in jobs}
    by_index: dict[int, tuple[Job, dict[Path, str]]] = {}
    for job in jobs:
        project = job.project
        if project is None or not (
            may_use_workflows(job.text, job.settings)
            or project.view(Path(job.filename)).may_hold_workflow_code(job.text)
        ):
            continue
        by_index.setdefault(id(project), (job, {}))[1][Path(job.filename)] = job.text
    levels: list[list[_Summarized]] = []
    for job, texts in by_index.values():
        project = job.project
        assert project is not None
        for number, level in enumerate(project.import_levels(texts, known)):
            if number == len(levels):
                levels.append([])
            levels[number].extend((path, job.settings.detection, job.checked) for path in level)
    return levels


# A worker process's copy of the summaries kept between runs, the folder where the run's
# summaries of each level are shared, and how many of those levels it has taken.
_WORKER_STORE: list[SummaryStore | None] = [None]
_SHARED: list[Path | None] = [None]
_LEVELS_TAKEN = [0]


def _start_worker(entries: dict[str, list[Any]], today: int, shared: str) -> None:
    store = SummaryStore(EntryFile(None, today, entries))
    _WORKER_STORE[0] = store
    _SHARED[0] = Path(shared)
    keep_shared_summaries(store)


def _take_levels(levels: int) -> SummaryStore:
    """The worker's summaries, with those of the run's first `levels` levels."""
    store, shared = _WORKER_STORE[0], _SHARED[0]
    assert store is not None and shared is not None
    for number in range(_LEVELS_TAKEN[0], levels):
        store.file.add(json.loads((shared / f"{number}.json").read_text(encoding="utf-8")))
    _LEVELS_TAKEN[0] = max(_LEVELS_TAKEN[0], levels)
    return store


def _summarize_in_worker(modules: list[_Summarized], levels: int) -> dict[str, list[Any]]:
    store = _take_levels(levels)
    for path, detection, checked in modules:
        try:
            shared_index(path, detection, checked).summary(path)
        except Exception:  # a bug of wfcheck: the check of a file that imports it reports it
            continue
    return store.take_added()


def _run_in_worker(job: Job, levels: int) -> Outcome:
    store = _take_levels(levels)
    outcome = run_job(job)
    return replace(outcome, summaries=store.take_added())
