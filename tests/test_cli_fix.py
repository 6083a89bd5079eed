"""`wfcheck check --fix`, `--unsafe-fixes`, `--diff`, `--show-fixes`: what the user's files
become, what is printed, and the exit codes."""

from __future__ import annotations

import shutil
import stat
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_tool
from wfcheck import writing
from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Range, Severity
from wfcheck.engine import FileReport, check_source
from wfcheck.fixing import applies, fix_text
from wfcheck.settings import Settings

WORKFLOW = (FIXTURES / "cli" / "orders.py").read_text()
SAFE_FIXED = WORKFLOW.replace("context.sleepUntil(", "context.sleep_until(")


def wfcheck(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_tool(cwd, "wfcheck", "check", "--no-cache", *args, stdin=stdin)


@pytest.fixture
def orders(tmp_path: Path) -> Path:
    path = tmp_path / "orders.py"
    path.write_text(WORKFLOW)
    return path


def codes(text: str) -> Counter[str]:
    return Counter(d.code for d in check_source(text).diagnostics)


def test_fix_applies_safe_fixes_only(orders: Path) -> None:
    result = wfcheck(orders.parent, "--fix", "--output-format", "concise", "orders.py")
    assert orders.read_text() == SAFE_FIXED
    assert result.stdout.splitlines()[-2:] == [
        "Found 3 errors (1 fixed, 2 remaining).",
        "1 unsafe fix available with `--fix --unsafe-fixes`.",
    ]
    assert result.returncode == 1


def test_unsafe_fixes_apply_with_the_flag(orders: Path) -> None:
    wfcheck(orders.parent, "--fix", "--unsafe-fixes", "orders.py")
    fixed = orders.read_text()
    assert 'if (await context.run("fulfil-order-time", lambda: time.time())) > 5:' in fixed
    assert codes(fixed) == Counter()


def test_exit_codes_after_fixing_everything(orders: Path) -> None:
    orders.write_text(WORKFLOW.replace("    if time.time() > 5:\n", "    if True:\n"))
    result = wfcheck(orders.parent, "--fix", "orders.py")
    assert (result.returncode, result.stdout) == (0, "Found 1 error (1 fixed, 0 remaining).\n")
    orders.write_text(WORKFLOW.replace("    if time.time() > 5:\n", "    if True:\n"))
    result = wfcheck(orders.parent, "--fix", "--exit-non-zero-on-fix", "orders.py")
    assert result.returncode == 1


def test_show_fixes_lists_what_was_fixed(orders: Path) -> None:
    result = wfcheck(orders.parent, "--fix", "--show-fixes", "--output-format", "concise", ".")
    times = "\N{MULTIPLICATION SIGN}"
    assert f"\nFixed 1 error:\n- orders.py:\n    1 {times} UWF308 (unknown-context-method)\n\n" in (
        result.stdout
    )


def test_diff_prints_the_change_and_writes_nothing(orders: Path) -> None:
    result = wfcheck(orders.parent, "--diff", "orders.py")
    assert orders.read_text() == WORKFLOW
    assert result.stdout == (
        "--- orders.py\n"
        "+++ orders.py\n"
        "@@ -10,5 +10,5 @@\n"
        " async def fulfil_order(context) -> None:\n"
        "     if time.time() > 5:\n"
        '         await context.run("charge", lambda: 1)\n'
        '-    await context.sleepUntil("wait", 10)\n'
        '+    await context.sleep_until("wait", 10)\n'
        '     await context.run("ship", lambda: 2)  # noqa: UWF102\n'
        "\n"
        "Would fix 1 error (1 additional fix available with `--unsafe-fixes`).\n"
    )
    assert result.returncode == 1


def test_diff_without_anything_to_fix_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "clean.py").write_text("VALUE = 1\n")
    assert wfcheck(tmp_path, "--diff", "clean.py").returncode == 0


def test_fix_on_stdin_prints_the_fixed_text_and_reports_on_stderr(tmp_path: Path) -> None:
    result = wfcheck(
        tmp_path,
        "--fix",
        "--output-format",
        "concise",
        "--stdin-filename",
        "app/o.py",
        "-",
        stdin=WORKFLOW,
    )
    assert result.stdout == SAFE_FIXED
    assert result.stderr.startswith("app/o.py:11:8: UWF101 ")


def test_fix_keeps_encoding_line_endings_mode_and_symlink(tmp_path: Path) -> None:
    text = "# -*- coding: latin-1 -*-\n# caf\xe9\n" + WORKFLOW
    real = tmp_path / "real.py"
    real.write_bytes(text.replace("\n", "\r\n").encode("latin-1"))
    real.chmod(0o640)
    link = tmp_path / "link.py"
    link.symlink_to(real)
    wfcheck(tmp_path, "--fix", "link.py")
    assert link.is_symlink()
    expected = text.replace("context.sleepUntil(", "context.sleep_until(")
    assert real.read_bytes() == expected.replace("\n", "\r\n").encode("latin-1")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link.py", "real.py"]


def test_a_file_that_cannot_be_written_is_reported_and_left_as_it_was(
    orders: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from wfcheck.cli import main  # noqa: PLC0415  (in-process, to simulate the failure)

    def refuse(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writing.os, "replace", refuse)
    monkeypatch.chdir(orders.parent)
    code = main(["check", "--fix", "--no-cache", "--output-format", "concise", "orders.py"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err == "wfcheck: error: orders.py: cannot write the fixed file: Permission denied\n"
    assert "orders.py:13:19: UWF308 " in out  # the finding stays: nothing was fixed
    assert orders.read_text() == WORKFLOW
    assert [path.name for path in orders.parent.iterdir()] == ["orders.py"]


def module_level_await(text: str) -> Diagnostic:
    """A finding whose fix parses but does not compile: `await` outside `async def`."""
    line = text.splitlines().index("VALUE = 1") + 1
    edit = Edit(Range(Position(line, 8), Position(line, 9)), "await fetch()")
    fix = Fix("Await it", (edit,), Applicability.SAFE)
    return Diagnostic("UWF103", "io-outside-step", "m", edit.range, Severity.WARNING, fix)


def test_a_fix_that_does_not_compile_is_dropped_and_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "async def fetch():\n    return 1\n\nVALUE = 1\n"
    finding = module_level_await(text)
    monkeypatch.setattr(
        "wfcheck.fixing.check_source", lambda *args, **kwargs: FileReport((finding,))
    )
    result = fix_text(text, Settings(), unsafe=False)
    assert (result.text, result.fixed) == (text, {})
    assert [(r.code, r.line, r.title) for r in result.rejected] == [("UWF103", 4, "Await it")]
    assert "'await' outside function" in result.rejected[0].reason


def fixable_fixtures() -> list[Path]:
    paths = sorted((FIXTURES).glob("[!c]*/**/*.py")) + sorted((FIXTURES / "caveats").glob("*.py"))
    return [p for p in paths if any(d.fix for d in check_source(p.read_text()).diagnostics)]


def test_every_fixture_with_a_fix_is_fixed_to_a_fixed_point(tmp_path: Path) -> None:
    originals = fixable_fixtures()
    assert len(originals) > 20
    copies = []
    for index, original in enumerate(originals):
        copy = tmp_path / f"f{index}_{original.name}"
        shutil.copy(original, copy)
        copies.append(copy)
    wfcheck(tmp_path, "--fix", "--unsafe-fixes", ".")
    for original, copy in zip(originals, copies, strict=True):
        before, after = original.read_text(), copy.read_text()
        compile(after, str(copy), "exec")  # re-parsed and compiled
        before_findings = check_source(before).diagnostics
        fixed_codes = {d.code for d in before_findings if d.fix and applies(d.fix, unsafe=True)}
        remaining = check_source(after).diagnostics
        assert not [d for d in remaining if d.fix and applies(d.fix, unsafe=True)], original
        for code in fixed_codes:
            assert codes(after)[code] < codes(before)[code], (original, code)
    snapshot = {copy: copy.read_bytes() for copy in copies}
    again = wfcheck(tmp_path, "--fix", "--unsafe-fixes", "--show-fixes", ".")
    assert {copy: copy.read_bytes() for copy in copies} == snapshot
    assert "Fixed" not in again.stdout


def test_unsafe_fixes_never_run_without_the_flag(tmp_path: Path) -> None:
    originals = fixable_fixtures()
    for index, original in enumerate(originals):
        shutil.copy(original, tmp_path / f"f{index}.py")
    wfcheck(tmp_path, "--fix", ".")
    for index, original in enumerate(originals):
        before = check_source(original.read_text()).diagnostics
        after = check_source((tmp_path / f"f{index}.py").read_text()).diagnostics
        unsafe = Counter(d.code for d in before if d.fix and not applies(d.fix, unsafe=False))
        assert Counter(d.code for d in after if d.code in unsafe) >= unsafe, original
