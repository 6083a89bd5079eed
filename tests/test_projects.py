"""Projects of several modules (tests/fixtures/projects/): helpers, clients, `serve` and
context types imported from the project's other modules are followed, and flake8,
`wfcheck check` and the language server report the same findings, the ones the `# expect:`
comments name."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.expectations import compare, parse_expectations
from tests.test_surfaces import findings_by_file

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


@pytest.mark.parametrize("name", NAMES)
def test_flake8_follows_the_project(name: str) -> None:
    project = PROJECTS / name
    result = run(project, sys.executable, "-m", "flake8", "--select", "UWF", ".")
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
