"""`wfcheck check` and `wfcheck rule` as a user runs them: output, exit codes, bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wfcheck import __version__
from wfcheck.cli import main
from wfcheck.rules import ALL_RULES

FLAGGED = """\
import time

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/orders")
async def fulfil_order(context) -> None:
    if time.time() > 5:
        await context.run("charge", lambda: 1)
"""

CLEAN = """\
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/orders")
async def fulfil_order(context) -> None:
    await context.run("charge", lambda: 1)
"""


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`wfcheck check` in Ruff's concise format, without the cache."""
    code = main(["check", "--output-format", "concise", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "orders.py").write_text(FLAGGED)
    (tmp_path / "app" / "clean.py").write_text(CLEAN)
    return tmp_path


def test_findings_are_printed_in_ruff_concise_form(project: Path, capsys) -> None:
    code, out, err = check(capsys, "app")
    assert out.splitlines() == [
        "app/orders.py:11:8: UWF101 time.time() runs outside a step and returns a new value on "
        "every call of the workflow; move it into context.run",
        "app/orders.py:11:8: UWF105 which steps run here depends on time.time() (line 11), which "
        "runs outside a step: when the workflow is called again it can take another path and "
        'fail with "Incompatible step name"',
        "Found 2 errors.",
        "1 unsafe fix available with `--fix --unsafe-fixes`.",
    ]
    assert (code, err) == (1, "")


def test_clean_tree_exits_zero(project: Path, capsys) -> None:
    assert check(capsys, "app/clean.py") == (0, "All checks passed!\n", "")


def test_default_path_is_the_current_folder(project: Path, capsys) -> None:
    code, out, _ = check(capsys)
    assert code == 1
    assert "Found 2 errors." in out


def test_folders_are_walked_without_excluded_ones(project: Path, capsys) -> None:
    for excluded in (".venv", "node_modules", ".git"):
        (project / excluded).mkdir()
        (project / excluded / "vendored.py").write_text(FLAGGED)
    (project / "app" / "notes.txt").write_text(FLAGGED)
    out = check(capsys, ".")[1]
    assert [line.split(":")[0] for line in out.splitlines()[:-2]] == ["app/orders.py"] * 2


def test_a_file_named_explicitly_is_checked_whatever_its_suffix(project: Path, capsys) -> None:
    (project / "job.txt").write_text(FLAGGED)
    code, out, _ = check(capsys, "job.txt")
    assert code == 1
    assert out.startswith("job.txt:11:8: UWF101 ")


def test_syntax_error_is_a_finding_and_other_files_are_still_checked(project: Path, capsys) -> None:
    (project / "app" / "broken.py").write_text("def fulfil(:\n    pass\n")
    code, out, err = check(capsys, "app")
    assert "app/broken.py:1:12: SyntaxError: invalid syntax" in out.splitlines()
    assert "Found 3 errors." in out
    assert (code, err) == (1, "")


def test_no_syntax_warning_noise(project: Path) -> None:
    (project / "app" / "patterns.py").write_text('import re\nDIGITS = re.compile("\\d+")\n')
    result = subprocess.run(
        [sys.executable, "-m", "wfcheck", "check", "app/patterns.py"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_missing_path_is_an_error_but_the_rest_is_checked(project: Path, capsys) -> None:
    code, out, err = check(capsys, "app/orders.py", "nowhere")
    assert err == "wfcheck: error: nowhere: No such file or directory\n"
    assert "Found 2 errors." in out
    assert code == 2


def test_undecodable_file_is_a_finding_without_traceback(project: Path, capsys) -> None:
    (project / "latin.py").write_bytes(b"NAME = '\xe9t\xe9'\n")
    code, out, err = check(capsys, "latin.py")
    assert (
        out == "latin.py:1:1: io-error: cannot decode the file as utf-8 (byte 8)\nFound 1 error.\n"
    )
    assert (code, err) == (1, "")


def test_coding_cookie_is_honoured(project: Path, capsys) -> None:
    (project / "latin.py").write_bytes(b"# -*- coding: latin-1 -*-\nNAME = '\xe9t\xe9'\n")
    assert check(capsys, "latin.py")[0] == 0


def test_unknown_selector_is_a_usage_error(project: Path, capsys) -> None:
    code, _, err = check(capsys, "--select", "UWF9", "app")
    assert err == "wfcheck: error: select: unknown rule selector 'UWF9'\n"
    assert code == 2


def test_ignore_and_select(project: Path, capsys) -> None:
    code, out, _ = check(capsys, "--ignore", "UWF105", "app")
    assert [line.split()[1] for line in out.splitlines()[:-2]] == ["UWF101"]
    code, out, _ = check(capsys, "--select", "UWF105", "app")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["UWF105"]
    code, out, _ = check(capsys, "--select", "UWF2", "app")
    assert (code, out) == (0, "All checks passed!\n")


def test_usage_error_exits_two(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--no-such-flag"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --no-such-flag" in capsys.readouterr().err


def test_rule_prints_the_rules_documentation(capsys) -> None:
    assert main(["rule", "UWF101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# clock-outside-step (UWF101)\n\nSeverity: warning\n\n## What it does\n")
    assert "## Why is this bad?" in out


def test_rule_all_prints_every_rule(capsys) -> None:
    assert main(["rule", "--all"]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("# ")] == [
        f"# {rule.name} ({rule.code})" for rule in ALL_RULES
    ]


def test_unknown_rule_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["rule", "UWF999"])
    assert exit_info.value.code == 2
    assert "unknown rule 'UWF999'" in capsys.readouterr().err


def test_version_and_console_script() -> None:
    script = Path(sys.executable).parent / "wfcheck"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=False)
    assert result.stdout == f"wfcheck {__version__}\n"
