"""Projects of several modules (tests/fixtures/projects/): helpers, clients, `serve` and
context types imported from the project's other modules are followed, and flake8,
`wfcheck check` and the language server report the same findings, the ones the `# expect:`
comments name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.expectations import compare, parse_expectations
from tests.test_surfaces import findings_by_file
from wfcheck import cli, runner
from wfcheck.cache import CACHE_FOLDER
from wfcheck.engine import check_source
from wfcheck.project import index as index_module
from wfcheck.project.index import ProjectIndex
from wfcheck.project.layout import ProjectLayout
from wfcheck.project.summaries import ModuleSummary
from wfcheck.project.summary_json import summary_from_json, summary_to_json
from wfcheck.settings import DetectionSettings

PROJECTS = FIXTURES / "projects"
NAMES = sorted(path.name for path in PROJECTS.iterdir() if path.is_dir())


def run(cwd: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False)


def concise(cwd: Path, path: str) -> subprocess.CompletedProcess[str]:
    """`wfcheck check PATH` without the cache, one finding per line."""
    command = ("check", "--no-cache", path, "--output-format", "concise")
    return run(cwd, sys.executable, "-m", "wfcheck", *command)


def expected_differences(project: Path, found: dict[Path, list[tuple[int, int, str]]]) -> dict:
    problems = {}
    for path in sorted(project.rglob("*.py")):
        expected = parse_expectations(path.read_text("utf-8")) if path.name != "broken.py" else []
        difference = compare(expected, found.pop(path.resolve(), []))
        if difference:
            problems[str(path.relative_to(project))] = difference
    assert found == {}, "findings outside the project's files"
    return problems


def by_file(project: Path, output: str) -> dict[Path, list[tuple[int, int, str]]]:
    return {
        (project / path).resolve(): found
        for path, found in findings_by_file(output).items()
        for path in [path.relative_to(FIXTURES.resolve())]
    }


@pytest.mark.parametrize("name", NAMES)
def test_wfcheck_check_follows_the_project(name: str) -> None:
    project = PROJECTS / name
    result = concise(project, ".")
    assert result.returncode == 1, result.stderr
    assert expected_differences(project, by_file(project, result.stdout)) == {}


def flake8(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return run(project, sys.executable, "-m", "flake8", "-j2", "--select", "UWF", *options, ".")


@pytest.mark.parametrize("name", NAMES)
def test_flake8_follows_the_project(name: str, tmp_path: Path) -> None:
    """Twice, in a copy: the second run takes the summaries that the first one kept."""
    project = tmp_path / name
    shutil.copytree(PROJECTS / name, project)
    for _ in range(2):
        result = flake8(project)
        assert result.stderr == ""
        assert expected_differences(project, by_file(project, result.stdout)) == {}


def test_the_chain_names_the_module_and_line_where_the_source_is_read() -> None:
    project = PROJECTS / "deep_chain"
    result = concise(project, "deep/flow.py")
    assert result.stdout.splitlines()[0] == (
        "deep/flow.py:12:11: UWF101 batch_key() runs outside a step and returns a new value on "
        "every call of the workflow (batch_key() -> current_window() -> now_ms() -> "
        "deep/clock.py:5 time.time); move it into context.run"
    )


def test_a_nested_step_through_a_helper_of_another_module_names_it() -> None:
    project = PROJECTS / "services_layer"
    result = concise(project, "app/routes.py")
    assert (
        "app/routes.py:27:15: UWF202 charge_in_steps() (app/services/billing.py), which makes "
        "steps, is called inside step 'outer': steps cannot be nested"
    ) in result.stdout


def test_a_file_checked_alone_does_not_follow_its_imports() -> None:
    """Without a project (text from stdin with no name), an imported helper is opaque."""
    routes = PROJECTS / "deep_chain" / "deep" / "flow.py"
    result = subprocess.run(
        [sys.executable, "-m", "wfcheck", "check", "--no-cache", "-"],
        input=routes.read_text(),
        capture_output=True,
        text=True,
        cwd=routes.parent,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_editing_a_helper_rechecks_its_caller_despite_the_cache(tmp_path: Path) -> None:
    project = tmp_path / "deep_chain"
    shutil.copytree(PROJECTS / "deep_chain", project)
    command = (
        sys.executable,
        "-m",
        "wfcheck",
        "check",
        "deep/flow.py",
        "--output-format",
        "concise",
    )
    assert run(project, *command).returncode == 1
    assert run(project, *command).returncode == 1  # from the cache
    clock = project / "deep" / "clock.py"
    clock.write_text("def now_ms() -> int:\n    return 0\n")
    second = run(project, *command)
    assert second.returncode == 0, second.stdout
    assert "UWF101" not in second.stdout


def all_summaries() -> list[ModuleSummary]:
    summaries = []
    for project in sorted(PROJECTS.iterdir()):
        index = ProjectIndex(ProjectLayout(project), DetectionSettings())
        summaries += [index.summary(path.resolve()) for path in sorted(project.rglob("*.py"))]
    return summaries


def test_a_summary_read_back_from_the_cache_is_the_same() -> None:
    summaries = all_summaries()
    functions = [f for summary in summaries for f in summary.functions.values()]
    # every kind of fact is in some summary
    assert any(f.reading for f in functions) and any(f.returns_unserializable for f in functions)
    assert any(f.context_parameter for f in functions)
    assert any(s.serve_objects for s in summaries) and any(s.context_types for s in summaries)
    assert any(s.rejected_instances for s in summaries) and any(s.origins for s in summaries)
    for flag in ("checked_in_own_module", "is_failure_function", "is_deterministic"):
        assert any(getattr(f, flag) for f in functions), flag
    for flag in ("returns_function", "reaches_instance_context"):
        assert any(getattr(f, flag) for f in functions), flag
    for summary in summaries:
        back = summary_from_json(json.loads(json.dumps(summary_to_json(summary))))
        assert back == summary
        assert back.digest == summary.digest


DIGESTS = """
from tests.test_projects import all_summaries
print([summary.digest for summary in all_summaries()])
"""


def test_a_summary_has_the_same_digest_in_every_process() -> None:
    """The digest keys cached results: string hashing changes from process to process."""
    outputs = set()
    for seed in ("1", "2", "3", "4", "5"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", DIGESTS],
            capture_output=True,
            text=True,
            env=environment,
            cwd=Path(__file__).parent.parent,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


class SummaryRecorder:
    """Runs `wfcheck check` in this process, in a copy of a fixture project, as a new process
    would (no summary in memory), and records the modules it summarises itself rather than
    take from the cache."""

    def __init__(self, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        project = self.project = tmp_path / name
        shutil.copytree(PROJECTS / name, project)
        self.monkeypatch = monkeypatch
        self.made: list[str] = []
        summary_of = index_module._summary_of

        def recording(model, path, display, module):  # type: ignore[no-untyped-def]
            self.made.append(display)
            return summary_of(model, path, display, module)

        monkeypatch.setattr(index_module, "_summary_of", recording)
        monkeypatch.chdir(project)

    def run(self, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, list[str]]:
        self.monkeypatch.setattr(index_module, "_SHARED", {})
        self.made.clear()
        code = cli.main(["check", ".", "--output-format", "concise", *options])
        return code, capsys.readouterr().out, sorted(self.made)


def test_a_run_summarises_again_only_the_modules_whose_summaries_may_have_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = SummaryRecorder("deep_chain", tmp_path, monkeypatch)
    project = runs.project
    code, first, made = runs.run(capsys)
    assert (code, made) == (1, ["deep/batching.py", "deep/clock.py", "deep/window.py"])
    assert "deep/flow.py:12:11: UWF101 batch_key() runs outside a step" in first
    assert runs.run(capsys) == (1, first, [])  # every result from the cache
    clock = project / "deep" / "clock.py"
    clock.write_text(clock.read_text().replace("1000", "1_000"))  # the same summary
    assert runs.run(capsys) == (1, first, ["deep/clock.py"])
    clock.write_text("def now_ms() -> int:\n    return 0\n")  # no longer reads the clock
    code, output, made = runs.run(capsys)
    assert (code, made) == (0, ["deep/batching.py", "deep/clock.py", "deep/window.py"])
    assert output == runs.run(capsys, "--no-cache")[1]


def test_summaries_in_a_damaged_cache_are_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    runs = SummaryRecorder("deep_chain", tmp_path, monkeypatch)
    project = runs.project
    _, first, _ = runs.run(capsys)
    kept = next((project / CACHE_FOLDER).rglob("summaries.json"))
    document = json.loads(kept.read_text())
    assert len(document["entries"]) == 3
    for entry in document["entries"].values():
        entry[1]["summary"]["functions"] = [{"name": 3}]
    kept.write_text(json.dumps(document))
    window = project / "deep" / "window.py"
    window.write_text(window.read_text() + "\n")
    assert runs.run(capsys) == (1, first, ["deep/batching.py", "deep/clock.py", "deep/window.py"])


def test_a_result_from_the_cache_sees_a_re_export_come_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`web/routes.py` registers on `serve` imported from the package `web`, which re-exports
    it: without the re-export the module is not workflow code, and with it back it is."""
    runs = SummaryRecorder("split_serve", tmp_path, monkeypatch)
    package = runs.project / "web" / "__init__.py"
    original = package.read_text()
    _, first, _ = runs.run(capsys)
    assert "web/routes.py:8:15: UWF101" in first
    package.write_text('__all__ = ["serve"]\n')
    assert "web/routes.py" not in runs.run(capsys)[1]
    package.write_text(original)
    assert runs.run(capsys)[1] == first


def test_wfcheck_check_takes_the_summaries_that_flake8_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """flake8's workers write the summaries they made when they end, where `wfcheck check`
    keeps its own."""
    runs = SummaryRecorder("deep_chain", tmp_path, monkeypatch)
    assert flake8(runs.project).stdout.startswith("./deep/flow.py:12:11: UWF101 batch_key()")
    code, output, made = runs.run(capsys)
    assert (code, made) == (1, [])
    assert "deep/flow.py:12:11: UWF101 batch_key() runs outside a step" in output


def test_flake8_sees_a_helper_change_after_keeping_its_summary(tmp_path: Path) -> None:
    project = tmp_path / "deep_chain"
    shutil.copytree(PROJECTS / "deep_chain", project)
    assert flake8(project).stdout.startswith("./deep/flow.py:12:11: UWF101 batch_key()")
    (project / "deep" / "clock.py").write_text("def now_ms() -> int:\n    return 0\n")
    assert (flake8(project).stdout, flake8(project).returncode) == ("", 0)


def test_flake8_keeps_no_summaries_with_wfcheck_no_cache(tmp_path: Path) -> None:
    project = tmp_path / "deep_chain"
    shutil.copytree(PROJECTS / "deep_chain", project)
    result = flake8(project, "--wfcheck-no-cache")
    assert result.stdout.startswith("./deep/flow.py:12:11: UWF101 batch_key()")
    assert not (project / CACHE_FOLDER).exists()


def summary_recording_to_files(model, path, display, module):  # type: ignore[no-untyped-def]
    """`_summary_of`, leaving the module's name in a file named after the process (module
    level: the workers of a parallel run are forked with it)."""
    with (Path(os.environ["WFCHECK_TEST_SUMMARIES"]) / str(os.getpid())).open("a") as made:
        made.write(f"{display}\n")
    return SUMMARY_OF(model, path, display, module)


SUMMARY_OF = index_module._summary_of


@pytest.mark.parametrize("name", ["deep_chain", "import_cycle", "services_layer", "src_layout"])
def test_a_parallel_run_summarises_each_module_once_and_reports_what_one_process_does(
    name: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The workers share one summary table: the modules the files import are summarised
    level by level before the files are checked, each in one worker."""
    runs = SummaryRecorder(name, tmp_path, monkeypatch)
    _, serial, _ = runs.run(capsys, "--no-cache")
    recorded = tmp_path / "summaries"
    recorded.mkdir()
    monkeypatch.setenv("WFCHECK_TEST_SUMMARIES", str(recorded))
    monkeypatch.setattr(index_module, "_summary_of", summary_recording_to_files)
    monkeypatch.setattr(runner, "PARALLEL_THRESHOLD_BYTES", 0)
    _, parallel, _ = runs.run(capsys, "--no-cache")
    assert parallel == serial
    by_process = {file.name: set(file.read_text().splitlines()) for file in recorded.iterdir()}
    made = [module for modules in by_process.values() for module in modules]
    assert len(made) == len(set(made)) > 1  # (an import cycle's, several times in one)
    assert str(os.getpid()) not in by_process


CYCLE = {  # a.pick reads through b.fallback, which reads through a.label
    "a.py": "import random\n\nfrom cyc import b\n\n\ndef pick(items):\n"
    "    if not items:\n        return b.fallback()\n    return items[0]\n\n\n"
    "def label():\n    return random.choice('ab')\n",
    "b.py": "from cyc import a\n\n\ndef fallback():\n    return a.label()\n\n\n"
    "def shuffled(items):\n    return a.pick(items)\n",
}


@pytest.mark.parametrize("first", ["a.py", "b.py", "routes.py"])
def test_modules_that_import_each_other_are_summarised_alike_whichever_comes_first(
    first: str,
) -> None:
    project = PROJECTS / "import_cycle"
    folder = (project / "cyc").resolve()
    texts = {path.resolve(): path.read_text() for path in folder.glob("*.py")}
    texts.update({folder / name: text for name, text in CYCLE.items()})
    index = ProjectIndex(ProjectLayout(project), DetectionSettings(), texts.get)
    index.summary(folder / first)
    routes = folder / "routes.py"
    report = check_source(texts[routes], filename=str(routes), project=index)
    assert [(d.code, d.range.start.line, d.message.split(" (")[1]) for d in report.diagnostics] == [
        (
            "UWF102",
            13,
            "shuffled() -> pick() -> fallback() -> label() -> cyc/a.py:13 "
            "random.choice); move it into context.run",
        ),
        (
            "UWF102",
            14,
            "fallback() -> label() -> cyc/a.py:13 random.choice); move it into context.run",
        ),
        ("UWF102", 14, "label() -> cyc/a.py:13 random.choice); move it into context.run"),
    ]


def test_the_full_format_shows_where_the_other_module_reads_the_source() -> None:
    project = PROJECTS / "deep_chain"
    result = run(project, sys.executable, "-m", "wfcheck", "check", "--no-cache", "deep/flow.py")
    assert (
        "info: time.time() is read here\n"
        " --> deep/clock.py:5:16\n"
        "  |\n"
        "5 |     return int(time.time() * 1000)\n"
        "  |                ^^^^^^^^^^^\n"
    ) in result.stdout


def test_without_a_pyproject_the_root_is_above_the_packages(tmp_path: Path) -> None:
    """Checked from inside its package, `deep/flow.py` still imports `deep.batching`."""
    shutil.copytree(PROJECTS / "deep_chain" / "deep", tmp_path / "deep")
    result = run(tmp_path / "deep", sys.executable, "-m", "flake8", "--select", "UWF", ".")
    assert result.stdout.startswith("./flow.py:12:11: UWF101 batch_key() runs outside a step")


def test_without_a_pyproject_namespace_packages_start_at_the_checked_folder(
    tmp_path: Path,
) -> None:
    shutil.copytree(PROJECTS / "src_layout" / "src" / "shop", tmp_path / "shop")
    for package in tmp_path.rglob("__init__.py"):
        package.unlink()
    result = concise(tmp_path, ".")
    assert "shop/workflows/orders.py:6:13: UWF103 load_order() runs outside a step" in (
        result.stdout
    )
