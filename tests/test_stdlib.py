"""The engine over the whole installed standard library: no crash, and no finding.

Then again with the workflow gate forced open, so that the semantic model and every rule run
over all of that code as if it were workflow code: no crash.
"""

from __future__ import annotations

import sysconfig
import traceback
from collections import Counter
from pathlib import Path

from wfcheck.discovery import InputError, read_source
from wfcheck.engine import check_source
from wfcheck.settings import DetectionSettings, RuleSelection, Settings


def stdlib_texts() -> list[tuple[Path, str]]:
    root = Path(sysconfig.get_paths()["stdlib"])
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
    codes: Counter[str] = Counter()
    crashes = []
    for path, text in STDLIB:
        try:
            report = check_source(text, settings, filename=str(path))
        except Exception:
            crashes.append(f"{path}\n{traceback.format_exc(limit=-4)}")
            continue
        codes.update(diagnostic.code for diagnostic in report.diagnostics)
    return codes, crashes


def test_stdlib_is_large_enough_to_mean_something() -> None:
    assert len(STDLIB) > 1000


def test_stdlib_has_no_findings_and_no_crash() -> None:
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
