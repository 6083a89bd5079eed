"""Checking a file leaves nothing for the cycle collector: the model's parts link back to what
holds them weakly, so a file's tree and model are freed by reference counting as soon as its
check returns. The command line and the server then need no collection per file (a collection
after each file of a 20,000-line module took 94 ms), and a check pauses automatic collection
while it runs (its passes over the tree and model cost about a sixth of a check)."""

from __future__ import annotations

import dataclasses
import gc
import sys
import sysconfig
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from wfcheck.engine import check_source
from wfcheck.fixing import fix_text
from wfcheck.project.index import ProjectIndex
from wfcheck.project.layout import ProjectLayout
from wfcheck.settings import Settings

SETTINGS = Settings()
ASSUMING_WORKFLOWS = dataclasses.replace(
    SETTINGS, detection=dataclasses.replace(SETTINGS.detection, assume_workflows=True)
)
WORKFLOW_FILES = sorted((FIXTURES / "rules").rglob("*.py")) + sorted(
    (FIXTURES / "caveats").rglob("*.py")
)
# Modules of every shape: the model with the gate forced open.
STDLIB_SAMPLE = sorted(Path(sysconfig.get_paths()["stdlib"]).glob("[a-f]*.py"))


@contextmanager
def collector_off() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def left_in_cycles(work: Callable[[], object]) -> Counter[str]:
    """The kinds of objects that `work` leaves in reference cycles (none when it leaves none)."""
    work()  # whatever the first call imports or caches is not garbage of the check
    with collector_off():
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            work()
            gc.collect()
            left = Counter(type(item).__qualname__ for item in gc.garbage)
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            gc.collect()
    return left


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.stem)
def test_checking_a_workflow_file_leaves_no_cycles(path: Path) -> None:
    text = path.read_text("utf-8")
    assert left_in_cycles(lambda: check_source(text, SETTINGS)) == Counter()


@pytest.mark.parametrize("path", STDLIB_SAMPLE, ids=lambda path: path.stem)
def test_the_whole_model_on_any_module_leaves_no_cycles(path: Path) -> None:
    text = path.read_text("utf-8", errors="replace")
    assert left_in_cycles(lambda: check_source(text, ASSUMING_WORKFLOWS)) == Counter()


def test_fixing_leaves_no_cycles() -> None:
    text = (FIXTURES / "caveats" / "all_examples.py").read_text("utf-8")
    assert left_in_cycles(lambda: fix_text(text, SETTINGS, unsafe=True)) == Counter()


@pytest.mark.parametrize("name", ["services_layer", "deep_chain", "import_cycle"])
def test_checking_with_the_project_leaves_no_cycles(name: str) -> None:
    """The summaries of the imported modules are kept by the index; the models that made
    them, and the checked file's, are freed."""
    root = FIXTURES / "projects" / name
    files = sorted(root.rglob("*.py"))

    def check_all() -> None:
        index = ProjectIndex(ProjectLayout(root), SETTINGS.detection)
        for path in files:
            check_source(path.read_text("utf-8"), SETTINGS, filename=str(path), project=index)

    assert left_in_cycles(check_all) == Counter()


def test_a_check_leaves_the_collector_as_it_found_it() -> None:
    """Automatic collection is paused during a check (nothing it makes needs the collector)
    and turned back on after it only if it was on."""
    text = (FIXTURES / "caveats" / "all_examples.py").read_text("utf-8")
    assert gc.isenabled()
    check_source(text, SETTINGS)
    assert gc.isenabled()
    with collector_off():
        check_source(text, SETTINGS)
        assert not gc.isenabled()
    assert gc.isenabled()


def test_checks_in_several_threads_restore_the_process_once_all_have_ended() -> None:
    """The collector back on, and the recursion limit that a check raises while it analyses
    back where it was (a thread restoring what it found would leave another's raised one)."""
    text = (FIXTURES / "caveats" / "all_examples.py").read_text("utf-8")
    limit = sys.getrecursionlimit()
    with ThreadPoolExecutor(max_workers=4) as pool:
        reports = list(pool.map(lambda _: check_source(text, SETTINGS), range(16)))
    assert len({report.diagnostics for report in reports}) == 1
    assert gc.isenabled()
    assert sys.getrecursionlimit() == limit
