"""flake8 and `wfcheck check` report the same findings, the ones the fixtures expect.

Both run as real subprocesses, once each over the caveats page's examples and the look-alikes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, fixture_files
from tests.expectations import compare, parse_expectations

_FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>UWF\d{3}) ")
FOLDERS = ("caveats", "clean")


def findings_by_file(output: str) -> dict[Path, list[tuple[int, int, str]]]:
    found: dict[Path, list[tuple[int, int, str]]] = defaultdict(list)
    for line in output.splitlines():
        match = _FINDING.match(line)
        if match:
            location = (int(match["line"]), int(match["column"]), match["code"])
            found[(FIXTURES / match["path"]).resolve()].append(location)
    return found


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=FIXTURES, check=False)


@pytest.fixture(scope="module")
def flake8_output() -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "flake8", "--select", "UWF", *FOLDERS)


@pytest.fixture(scope="module")
def wfcheck_output() -> subprocess.CompletedProcess[str]:
    return run(
        sys.executable,
        "-m",
        "wfcheck",
        "check",
        "--output-format",
        "concise",
        "--no-cache",
        *FOLDERS,
    )


def assert_matches_fixtures(output: str) -> None:
    found = findings_by_file(output)
    problems = {}
    for path in fixture_files(*FOLDERS):
        expected = parse_expectations(path.read_text("utf-8"))
        difference = compare(expected, found.pop(path.resolve(), []))
        if difference:
            problems[path.name] = difference
    assert problems == {}
    assert found == {}, "findings in files that are not fixtures"


def test_flake8_reports_what_the_fixtures_expect(
    flake8_output: subprocess.CompletedProcess[str],
) -> None:
    assert flake8_output.stderr == ""
    assert flake8_output.returncode == 1
    assert_matches_fixtures(flake8_output.stdout)


def test_wfcheck_check_reports_what_the_fixtures_expect(
    wfcheck_output: subprocess.CompletedProcess[str],
) -> None:
    assert wfcheck_output.stderr == ""
    assert wfcheck_output.returncode == 1
    assert_matches_fixtures(wfcheck_output.stdout)


def test_both_surfaces_print_identical_findings(
    flake8_output: subprocess.CompletedProcess[str],
    wfcheck_output: subprocess.CompletedProcess[str],
) -> None:
    flake8_lines = sorted(
        line for line in flake8_output.stdout.splitlines() if _FINDING.match(line)
    )
    wfcheck_lines = sorted(
        line for line in wfcheck_output.stdout.splitlines() if _FINDING.match(line)
    )
    assert flake8_lines == wfcheck_lines
    assert flake8_lines
