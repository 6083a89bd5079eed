"""Random edits across the modules of the fixture projects (tests/fixtures/projects/): after
each edit, the summaries kept by an index that was told of the edit give every module the
findings a fresh index gives, and nothing raises or reports an internal error. This is the
language server's way (one index, modules forgotten as they change, each module parsed by the
blocks an edit touched) against a cold run.
The command line's way is checked too: a run that takes results and summaries from the cache
that the runs before it left reports what a run without the cache reports."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from tests.fuzz.programs import Mutations, mutations_of
from wfcheck import cli, runner
from wfcheck.blocks import BlockParser
from wfcheck.engine import FileReport, check_source, parse
from wfcheck.project import index as index_module
from wfcheck.project.index import ProjectIndex
from wfcheck.project.layout import ProjectLayout
from wfcheck.settings import DetectionSettings, Settings

pytestmark = [pytest.mark.fuzz, pytest.mark.filterwarnings("ignore::SyntaxWarning")]

PROJECTS = sorted(path for path in (FIXTURES / "projects").iterdir() if path.is_dir())
EDITS_PER_RUN = 8
RUNS_PER_PROJECT = 25


def modules_of(project: Path) -> list[Path]:
    return sorted(path.resolve() for path in project.rglob("*.py"))


def index_over(project: Path, texts: dict[Path, str]) -> ProjectIndex:
    return ProjectIndex(ProjectLayout(project), DetectionSettings(), texts.get)


def findings(
    index: ProjectIndex, texts: dict[Path, str], parsers: dict[Path, BlockParser] | None = None
) -> dict[Path, FileReport]:
    """Each module's report; with `parsers`, each module parsed by its own, as the server
    parses the open documents (by the blocks an edit touched)."""
    return {
        path: check_source(
            text,
            Settings(),
            filename=str(path),
            project=index,
            parser=parse if parsers is None else parsers.setdefault(path, BlockParser(parse)).parse,
        )
        for path, text in texts.items()
    }


def comparable(report: FileReport) -> tuple[object, ...]:
    return (report.diagnostics, report.syntax_error, report.internal_error)


Edit = tuple[Path, tuple[str, int, int] | None]  # a module, and its mutation (None: undone)
EditsTest = Callable[[list[Edit]], None]


class ProjectEdits:
    """A fixture project's modules, and the random edits of them: a mutant of one module, or
    its original text back."""

    def __init__(self, project: Path) -> None:
        modules = modules_of(project)
        self.originals = {path: path.read_text("utf-8") for path in modules}
        editable = [path for path in modules if self.originals[path].strip()]
        self.mutations: dict[Path, Mutations] = {path: mutations_of(path) for path in editable}
        self.edit = st.sampled_from(editable).flatmap(
            lambda path: st.tuples(st.just(path), self.mutations[path].strategy() | st.just(None))
        )

    def runs(self, examples: int, edits: int) -> Callable[[EditsTest], Callable[[], None]]:
        """A decorator: the test run `examples` times, on up to `edits` edits each time."""

        def decorate(test: EditsTest) -> Callable[[], None]:
            edits_given = given(st.lists(self.edit, min_size=1, max_size=edits))
            return settings(
                max_examples=examples,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            )(edits_given(test))

        return decorate

    def text_after(self, edit: Edit) -> str:
        path, descriptor = edit
        mutant = self.mutations[path].parsing_mutant(*descriptor) if descriptor else None
        return mutant.text if mutant and mutant.text else self.originals[path]


@pytest.mark.parametrize("project", PROJECTS, ids=[path.name for path in PROJECTS])
def test_an_index_told_of_each_edit_agrees_with_a_fresh_one(project: Path) -> None:
    edits_of = ProjectEdits(project)

    @edits_of.runs(RUNS_PER_PROJECT, EDITS_PER_RUN)
    def check(edits: list[Edit]) -> None:
        texts = dict(edits_of.originals)
        kept = index_over(project, texts)
        parsers: dict[Path, BlockParser] = {}
        findings(kept, texts, parsers)  # every summary computed once, as an editor's session
        for edit in edits:
            path = edit[0]
            texts[path] = edits_of.text_after(edit)
            kept.invalidate(path)
            incremental = findings(kept, texts, parsers)
            fresh = findings(index_over(project, texts), texts)
            for module, report in incremental.items():
                assert report.internal_error is None, (module, report.internal_error)
                assert comparable(report) == comparable(fresh[module]), module

    check()


CLI_EDITS_PER_RUN = 5
CLI_RUNS_PER_PROJECT = 40


def cli_output(root: Path, *options: str) -> str:
    """`wfcheck check .` in `root`, as a new process runs it (no summary in memory)."""
    index_module._SHARED.clear()
    output = io.StringIO()
    here = Path.cwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(output):
            cli.main(["check", ".", "--output-format", "json", *options])
    finally:
        os.chdir(here)
    return output.getvalue()


@pytest.mark.parametrize("project", PROJECTS, ids=[path.name for path in PROJECTS])
def test_a_run_from_the_cache_agrees_with_a_run_without_it(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    edits_of = ProjectEdits(project)

    @edits_of.runs(CLI_RUNS_PER_PROJECT, CLI_EDITS_PER_RUN)
    def check(edits: list[Edit]) -> None:
        root = tmp_path_factory.mktemp(project.name) / project.name
        shutil.copytree(project, root)
        cli_output(root)  # fills the cache
        for edit in edits:
            written = root / edit[0].relative_to(project.resolve())
            written.write_text(edits_of.text_after(edit), "utf-8")
            assert cli_output(root) == cli_output(root, "--no-cache")

    check()


PARALLEL_RUNS_PER_PROJECT = 12
PARALLEL_PROJECTS = [path for path in PROJECTS if path.name in ("import_cycle", "services_layer")]


@pytest.mark.parametrize("project", PARALLEL_PROJECTS, ids=[p.name for p in PARALLEL_PROJECTS])
def test_a_parallel_run_from_the_cache_agrees_with_a_run_without_it(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As above, with the files checked by worker processes that share one summary table,
    made level by level before the checks (an import cycle's kept summaries taken together)."""
    monkeypatch.setattr(runner, "PARALLEL_THRESHOLD_BYTES", 0)
    edits_of = ProjectEdits(project)

    @edits_of.runs(PARALLEL_RUNS_PER_PROJECT, CLI_EDITS_PER_RUN)
    def check(edits: list[Edit]) -> None:
        root = tmp_path_factory.mktemp(project.name) / project.name
        shutil.copytree(project, root)
        cli_output(root)
        for edit in edits:
            written = root / edit[0].relative_to(project.resolve())
            written.write_text(edits_of.text_after(edit), "utf-8")
            assert cli_output(root) == cli_output(root, "--no-cache")

    check()
