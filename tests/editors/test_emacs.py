"""A real editor: Emacs 28 in batch mode with eglot (Debian's emacs-nox and elpa-eglot) and
editors/emacs/wfcheck-eglot.el opens a bundled example, shows wfcheck's diagnostics through
Flymake, applies a quick fix chosen at `eglot-code-actions`' prompt, and the finding goes.
`.ci/install-editors` installs Emacs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.source import SourceText

pytestmark = [pytest.mark.slow, pytest.mark.emacs]

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "editors" / "emacs" / "wfcheck-eglot.el"
DRIVER = Path(__file__).parent / "emacs" / "apply_quick_fix.el"
EXAMPLE = ROOT / "examples" / "subscription_billing.py"
SEVERITY = {"error": "eglot-error", "warning": "eglot-warning", "information": "eglot-note"}


def emacs() -> str:
    found = shutil.which("emacs")
    assert found, "Emacs is missing: run .ci/install-editors (apt-get install emacs-nox elpa-eglot)"
    return found


def shown(text: str) -> list[dict[str, Any]]:
    """wfcheck's findings as Flymake shows them through eglot."""
    return [
        {
            "line": d.line,
            "column": d.column,
            "code": d.code,
            "text": f"wfcheck [{d.code}]: {d.message}",
            "type": SEVERITY[d.severity.value],
        }
        for d in check_source(text).diagnostics
    ]


def run_emacs(tmp_path: Path, file: Path, title: str) -> dict[str, Any]:
    result = tmp_path / "result.json"
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    # -q: no init file, but the site start files, through which Debian's elpa-eglot loads.
    command = [emacs(), "--batch", "-q", "-l", str(DRIVER), str(result), str(file), title]
    completed = subprocess.run(
        [*command, str(CONFIG)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    seen: dict[str, Any] = json.loads(result.read_text("utf-8"))
    return seen


@pytest.mark.parametrize("action", ["fix", "noqa"])
def test_eglot_applies_a_quick_fix_and_the_finding_goes(tmp_path: Path, action: str) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'billing'\n", "utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # the project's root
    file = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, file)
    text = EXAMPLE.read_text("utf-8")
    first = check_source(text).diagnostics[0]
    assert (first.code, first.line) == ("UWF203", 51)
    assert first.fix is not None
    fix_title = f"wfcheck (UWF203): {first.fix.title} (unsafe: changes the workflow's steps)"
    noqa_title = "wfcheck (UWF203): Disable for this line"
    if action == "fix":
        title, fixed = fix_title, apply_edits(SourceText(text), first.fix.edits)
    else:
        line = text.splitlines(keepends=True)[50]
        title, fixed = noqa_title, text.replace(line, f"{line.rstrip()}  # noqa: UWF203\n", 1)

    seen = run_emacs(tmp_path, file, title)

    assert seen["steps"] == []
    assert seen["server"] == {"name": "wfcheck-lsp", "command": ["wfcheck-lsp"]}
    assert seen["before"] == shown(text)
    assert seen["offered"] == [fix_title, noqa_title, "wfcheck: Fix all auto-fixable problems"]
    assert seen["text"] == fixed
    assert file.read_text("utf-8") == fixed
    assert seen["after"] == shown(fixed)
    assert "UWF203" not in {d["code"] for d in seen["after"]}
