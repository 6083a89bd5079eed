"""The flake8 plugin under the real flake8: selection, noqa and options."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

WORKFLOW = """\
import time

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/orders")
async def fulfil_order(context) -> None:
    started = time.time()
    placed_at = time.time()  # noqa: UWF101
    checked_at = time.time()  # noqa: E722
    logged_at = time.time()  # noqa
    await context.run("charge", lambda: started + placed_at + checked_at + logged_at)
"""


def flake8(path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", *options, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def workflow_file(tmp_path: Path) -> Path:
    path = tmp_path / "orders.py"
    path.write_text(WORKFLOW)
    return path


def uwf_lines(output: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in output.splitlines() if ": UWF" in line]


def test_default_selection_includes_uwf(workflow_file: Path) -> None:
    result = flake8(workflow_file)
    codes = [line.split(" ", 1)[0] for line in uwf_lines(result.stdout)]
    assert codes == ["UWF101", "UWF101"]
    assert result.returncode == 1


def test_select_uwf_reports_positions_and_honours_noqa(workflow_file: Path) -> None:
    result = flake8(workflow_file, "--select", "UWF")
    lines = result.stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == [
        f"{workflow_file}:11:15:",
        f"{workflow_file}:13:18:",
    ]
    assert all("UWF101 time.time() runs outside a step" in line for line in lines)


def test_select_of_other_codes_hides_uwf(workflow_file: Path) -> None:
    result = flake8(workflow_file, "--select", "E")
    assert uwf_lines(result.stdout) == []


def test_file_level_wfcheck_noqa(tmp_path: Path) -> None:
    path = tmp_path / "orders.py"
    path.write_text("# wfcheck: noqa: UWF101\n" + WORKFLOW)
    assert flake8(path, "--select", "UWF").stdout == ""


def test_plugin_is_registered_under_uwf() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True, check=True
    )
    assert "wfcheck" in result.stdout


# A flake8 run in which the engine fails on files that contain "# broken".
FAILING_ENGINE = """\
import sys

from flake8.main.cli import main

from wfcheck import flake8_plugin

original = flake8_plugin.rule_findings


def failing_on_broken(tree, source, settings, project):
    if "# broken" in source.text:
        raise AttributeError("'arguments' object has no attribute 'lineno'")
    return original(tree, source, settings, project)


flake8_plugin.rule_findings = failing_on_broken
sys.exit(main(sys.argv[1:]))
"""


def test_an_internal_error_is_one_uwf000_and_the_other_files_are_checked(tmp_path: Path) -> None:
    (tmp_path / "orders.py").write_text(WORKFLOW)
    broken = tmp_path / "broken.py"
    broken.write_text(WORKFLOW + "# broken\n")
    result = subprocess.run(
        [sys.executable, "-c", FAILING_ENGINE, "--isolated", "-j1", "--select", "UWF", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("./broken.py")] == [
        "./broken.py:1:1: UWF000 wfcheck failed on ./broken.py with an internal error:"
        " AttributeError: 'arguments' object has no attribute 'lineno'"
        " (at <string>:12 in failing_on_broken); please report it"
    ]
    assert "./orders.py:11:15: UWF101 " in result.stdout
