"""The engine over the whole installed standard library: no finding with the normal gate,
and with the gate forced open (the semantic model and every rule run over all of that code as
if it were workflow code) no internal error. Then `wfcheck check` over the standard library's
folder as a user runs it: its undecodable and invalid test files are reported, nothing else.
"""

from __future__ import annotations

import shutil
import sysconfig
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import run_tool
from wfcheck.engine import check_source
from wfcheck.settings import DetectionSettings, RuleSelection, Settings
from wfcheck.source import InputError, read_source

STDLIB_ROOT = Path(sysconfig.get_paths()["stdlib"])
pytestmark = pytest.mark.slow


def stdlib_texts() -> list[tuple[Path, str]]:
    root = STDLIB_ROOT
    texts = []
    for path in sorted(root.rglob("*.py")):
        if "site-packages" in path.parts:
            continue
        try:
            texts.append((path, read_source(path)))
        except InputError:
            continue  # test data with deliberately broken encodings
    return texts


STDLIB = stdlib_texts()


def run_all(settings: Settings) -> tuple[Counter[str], list[str]]:
    """The codes found, and the files whose checking met an internal error."""
    codes: Counter[str] = Counter()
    crashes = []
    for path, text in STDLIB:
        report = check_source(text, settings, filename=str(path))
        if report.internal_error is not None or report.analysis_error is not None:
            crashes.append(f"{path}: {report.internal_error or report.analysis_error}")
        codes.update(diagnostic.code for diagnostic in report.diagnostics)
    return codes, crashes


def test_stdlib_is_large_enough_to_mean_something() -> None:
    assert len(STDLIB) > 1000


def test_stdlib_has_no_findings() -> None:
    codes, crashes = run_all(Settings(selection=RuleSelection(select=("ALL",))))
    assert crashes == []
    assert codes == Counter()


def test_stdlib_as_workflow_code_does_not_crash() -> None:
    settings = Settings(
        selection=RuleSelection(select=("ALL",)),
        detection=DetectionSettings(assume_workflows=True),
    )
    codes, crashes = run_all(settings)
    assert crashes == []
    # The forced gate really ran the rules: the standard library reads clocks and does I/O.
    assert codes["UWF101"] > 0
    assert codes["UWF103"] > 0


def test_wfcheck_check_on_a_copy_of_the_stdlib_reports_the_files_that_cannot_be_checked(
    tmp_path: Path,
) -> None:
    skipped = shutil.ignore_patterns("site-packages", "__pycache__")
    shutil.copytree(STDLIB_ROOT, tmp_path / "Lib", ignore=skipped)
    result = run_tool(tmp_path, "wfcheck", "check", "--no-cache", "--output-format", "concise")
    assert (result.returncode, result.stderr) == (1, "")
    *findings, summary = result.stdout.splitlines()
    labels = Counter(line.split(": ")[1] for line in findings)
    assert set(labels) == {"SyntaxError", "io-error"}
    bad_coding = "Lib/test/tokenizedata/bad_coding.py:1:1: io-error: cannot read the encoding"
    assert any(line.startswith(bad_coding) for line in findings)
    assert summary == f"Found {len(findings)} errors."
