"""`wfcheck check` as a user runs it: the default format, flags, stdin, --add-noqa, the cache,
parallel runs, bad input; and the real Ruff beside wfcheck in one project."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_tool
from wfcheck import engine, runner
from wfcheck.cache import CACHE_FOLDER, ResultCache
from wfcheck.cli import main

WORKFLOW = (FIXTURES / "cli" / "orders.py").read_text()


def wfcheck(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_tool(cwd, "wfcheck", "check", *args, stdin=stdin)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "orders.py").write_text(WORKFLOW)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_default_format_is_full_with_excerpt_caret_and_fix(project: Path, capsys) -> None:
    code, out, _ = run(capsys, "--select", "UWF308", "orders.py")
    assert out == (
        "UWF308 [*] upstash-workflow 2.0.0 has no context method sleepUntil(): the call raises "
        "AttributeError when the workflow reaches it; did you mean sleep_until()?\n"
        "  --> orders.py:13:19\n"
        "   |\n"
        "11 |     if time.time() > 5:\n"
        '12 |         await context.run("charge", lambda: 1)\n'
        '13 |     await context.sleepUntil("wait", 10)\n'
        "   |                   ^^^^^^^^^^\n"
        '14 |     await context.run("ship", lambda: 2)  # noqa: UWF102\n'
        "   |\n"
        "help: Rename to sleep_until\n"
        "   |\n"
        '12 |         await context.run("charge", lambda: 1)\n'
        '   -     await context.sleepUntil("wait", 10)\n'
        '13 +     await context.sleep_until("wait", 10)\n'
        '14 |     await context.run("ship", lambda: 2)  # noqa: UWF102\n'
        "   |\n"
        "\n"
        "Found 1 error.\n"
        "[*] 1 fixable with `--fix`.\n"
    )
    assert code == 1


def test_exit_zero_quiet_and_statistics(project: Path, capsys) -> None:
    code, out, _ = run(capsys, "--exit-zero", "--output-format", "concise", "-q", ".")
    assert code == 0
    assert [line.split()[1] for line in out.splitlines()] == ["UWF101", "UWF105", "UWF308"]
    code, out, _ = run(capsys, "--statistics", ".")
    assert out == (
        "1\tUWF101\t[ ] clock-outside-step\n"
        "1\tUWF105\t[ ] nondeterministic-control-flow\n"
        "1\tUWF308\t[*] unknown-context-method\n"
        "Found 3 errors.\n"
        "[*] 1 fixable with `--fix` (1 unsafe fix available with `--fix --unsafe-fixes`).\n"
    )
    code, out, _ = run(capsys, "--statistics", "--output-format", "json", ".")
    assert json.loads(out)[2] == {
        "code": "UWF308",
        "name": "unknown-context-method",
        "count": 1,
        "fixable": True,
        "fixable_count": 1,
    }


def test_stdin_with_and_without_a_filename(tmp_path: Path) -> None:
    result = wfcheck(tmp_path, "--no-cache", "--output-format", "concise", "-", stdin=WORKFLOW)
    assert result.stdout.startswith("-:11:8: UWF101 ")
    named = wfcheck(
        tmp_path, "--output-format", "json", "--stdin-filename", "app/o.py", "-", stdin=WORKFLOW
    )
    assert json.loads(named.stdout)[0]["filename"] == str(tmp_path / "app" / "o.py")
    assert named.returncode == 1


def test_add_noqa_silences_each_finding_on_its_line(project: Path, capsys) -> None:
    (project / "orders.py").write_text(WORKFLOW.replace("  # noqa: UWF102", "  # noqa: E501"))
    code, out, err = run(capsys, "--add-noqa", ".")
    assert (code, out, err) == (0, "", "Added 2 noqa directives.\n")
    lines = (project / "orders.py").read_text().splitlines()
    assert lines[10] == "    if time.time() > 5:  # noqa: UWF101, UWF105"
    assert lines[12] == '    await context.sleepUntil("wait", 10)  # noqa: UWF308'
    assert lines[13] == '    await context.run("ship", lambda: 2)  # noqa: E501'
    assert run(capsys, "--add-noqa", ".")[2] == "Added 0 noqa directives.\n"
    assert run(capsys, ".")[0] == 0


def test_add_noqa_goes_after_a_multiline_string(project: Path, capsys) -> None:
    text = WORKFLOW.replace(
        '    await context.sleepUntil("wait", 10)',
        '    await context.run(f"""wait-{\n    time.time()}""", lambda: 3)',
    )
    (project / "orders.py").write_text(text)
    run(capsys, "--add-noqa", "--select", "UWF106", ".")
    assert '    time.time()}""", lambda: 3)  # noqa: UWF106' in (project / "orders.py").read_text()
    assert run(capsys, "--select", "UWF106", ".")[0] == 0


def test_version_and_rule_commands(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("wfcheck ")
    assert main(["rule", "UWF001"]) == 0
    assert capsys.readouterr().out.startswith(
        "# unused-noqa (UWF001)\n\nSeverity: information, opt-in\n"
    )


# Bad input -----------------------------------------------------------------------------------


def test_missing_path_exits_two(project: Path, capsys) -> None:
    code, _, err = run(capsys, "nowhere.py")
    assert (code, err) == (2, "wfcheck: error: nowhere.py: No such file or directory\n")


def test_folder_without_python_files_warns_and_passes(project: Path, capsys) -> None:
    (project / "docs").mkdir()
    (project / "docs" / "notes.txt").write_text("text")
    code, out, err = run(capsys, "docs")
    assert (code, out) == (0, "All checks passed!\n")
    assert err == "warning: No Python files found under the given path(s)\n"


def test_undecodable_file_is_an_io_error_finding_and_the_rest_is_checked(
    project: Path, capsys
) -> None:
    (project / "latin.py").write_bytes(b"NAME = '\xe9t\xe9'\n")
    code, out, err = run(capsys, "--output-format", "concise", ".")
    assert out.splitlines()[0] == (
        "latin.py:1:1: io-error: cannot decode the file as utf-8 (byte 8)"
    )
    assert "orders.py:11:8: UWF101 " in out
    assert (code, err) == (1, "")


def test_io_error_in_the_full_and_json_formats(project: Path, capsys) -> None:
    (project / "latin.py").write_bytes(b"NAME = '\xe9t\xe9'\n")
    _, out, _ = run(capsys, "latin.py")
    assert out == (
        "io-error: cannot decode the file as utf-8 (byte 8)\n --> latin.py:1:1\n\nFound 1 error.\n"
    )
    _, out, _ = run(capsys, "--output-format", "json", "latin.py")
    (finding,) = json.loads(out)
    assert (finding["code"], finding["name"], finding["url"]) == ("io-error", "io-error", None)
    assert finding["location"] == {"column": 1, "row": 1}


def test_an_internal_error_is_contained_to_its_file(project: Path, capsys, monkeypatch) -> None:
    (project / "broken.py").write_text(WORKFLOW)
    original = engine.rule_findings

    def failing_on_broken(tree, source, settings, project):
        if "broken" in source.text:
            raise AttributeError("'arguments' object has no attribute 'lineno'")
        return original(tree, source, settings, project)

    (project / "broken.py").write_text(WORKFLOW + "# broken\n")
    monkeypatch.setattr(engine, "rule_findings", failing_on_broken)
    code, out, err = run(capsys, "--output-format", "concise", ".")
    assert "orders.py:11:8: UWF101 " in out
    assert "broken.py" not in out
    first, request = err.splitlines()
    raising_line = failing_on_broken.__code__.co_firstlineno + 2
    assert first == (
        "wfcheck: error: panicked while checking broken.py: AttributeError: 'arguments' object"
        f" has no attribute 'lineno' (at test_cli_run.py:{raising_line} in failing_on_broken)"
    )
    assert request.startswith("This indicates a bug in wfcheck: the other files were checked.")
    assert code == 2


ROUTE_PRELUDE = """\
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())

"""


def check_route(folder: Path, body: str) -> tuple[int, str, str]:
    (folder / "route.py").write_text(ROUTE_PRELUDE + body)
    result = wfcheck(folder, "--no-cache", "route.py")
    return result.returncode, result.stdout, result.stderr


def test_context_as_a_nested_default_gives_no_traceback(tmp_path: Path) -> None:
    body = """\
@serve.post("/x")
async def route(context: AsyncWorkflowContext[str]) -> None:
    def helper(fallback=context):
        return fallback
    helper()
"""
    assert check_route(tmp_path, body) == (0, "All checks passed!\n", "")


def test_del_context_does_not_hide_the_uses_before_it(tmp_path: Path) -> None:
    body = """\
@serve.post("/x")
async def route(context: AsyncWorkflowContext[str]) -> None:
    await context.run("a", lambda: 1)
    del context
"""
    assert check_route(tmp_path, body) == (0, "All checks passed!\n", "")


def test_unknown_output_format_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--output-format", "xml"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_statistics_in_a_format_without_them_is_an_error(project: Path, capsys) -> None:
    code, _, err = run(capsys, "--statistics", "--output-format", "sarif", ".")
    assert (code, err) == (2, "wfcheck: error: --statistics cannot be printed as sarif\n")


# Cache and parallel runs ---------------------------------------------------------------------


def count_analyses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    analysed: list[str] = []
    original = runner.run_job

    def counting(job: runner.Job) -> runner.Outcome:
        analysed.append(Path(job.filename).name)
        return original(job)

    monkeypatch.setattr(runner, "run_job", counting)
    return analysed


def test_cache_skips_unchanged_files(project: Path, capsys, monkeypatch) -> None:
    (project / "other.py").write_text(WORKFLOW)
    analysed = count_analyses(monkeypatch)
    first = main(["check", "."]), capsys.readouterr().out
    assert sorted(analysed) == ["orders.py", "other.py"]
    assert (project / CACHE_FOLDER / ".gitignore").exists()
    second = main(["check", "."]), capsys.readouterr().out
    assert second == first
    assert len(analysed) == 2  # nothing analysed again
    (project / "other.py").write_text(WORKFLOW + "\n")
    main(["check", "."])
    main(["check", "--select", "UWF1", "."])  # other settings: another key
    assert analysed[2:] == ["other.py", "orders.py", "other.py"]


def test_runs_that_write_the_cache_at_once_keep_each_others_results(tmp_path: Path) -> None:
    """Each run adds what it analysed to what the cache holds when it writes (a run beside
    flake8's workers, or beside another run)."""
    folder = tmp_path / CACHE_FOLDER
    first, second = ResultCache(folder), ResultCache(folder)
    assert first.get("orders") is None and second.get("other") is None  # both read it empty
    orders = engine.check_source(WORKFLOW, filename="orders.py")
    other = engine.check_source(WORKFLOW.replace("time.time()", "0"), filename="other.py")
    first.put("orders", orders)
    second.put("other", other)
    assert (first.save(), second.save()) == (None, None)
    later = ResultCache(folder)
    assert (later.get("orders"), later.get("other")) == (orders, other)
    assert len(orders.diagnostics) > len(other.diagnostics)


def pid_recording_job(job: runner.Job) -> runner.Outcome:
    """run_job, leaving a file named after the process that ran it, and waiting (10 s at
    most) until a second process has left one, so that one quick worker cannot take every
    job (module level: a worker process finds it by name)."""
    pids = Path(os.environ["WFCHECK_TEST_PIDS"])
    (pids / str(os.getpid())).touch()
    deadline = time.monotonic() + 10
    while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    return RUN_JOB(job)


RUN_JOB = runner.run_job


def test_parallel_run_reports_what_a_single_process_run_does(
    project: Path, tmp_path_factory, capsys, monkeypatch
) -> None:
    for index in range(6):
        (project / f"copy{index}.py").write_text(WORKFLOW)
    serial = run(capsys, "--output-format", "json", ".")
    pids = tmp_path_factory.mktemp("pids")
    monkeypatch.setenv("WFCHECK_TEST_PIDS", str(pids))
    monkeypatch.setattr(runner, "run_job", pid_recording_job)
    monkeypatch.setattr(runner, "PARALLEL_THRESHOLD_BYTES", 0)
    parallel = run(capsys, "--output-format", "json", ".")
    assert parallel == serial
    assert len(json.loads(parallel[1])) == 21
    workers = {int(path.name) for path in pids.iterdir()}
    assert len(workers) >= 2, "the files were not checked in several processes"
    assert os.getpid() not in workers


# Ruff beside wfcheck -------------------------------------------------------------------------


def test_ruff_keeps_uwf_noqa_comments_and_wfcheck_honours_them(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff.lint]\nselect = ["F", "RUF100", "RUF102"]\nexternal = ["UWF"]\n\n'
        '[tool.wfcheck]\nextend-select = ["UWF001"]\n'
    )
    text = WORKFLOW.replace(
        "    if time.time() > 5:", "    if time.time() > 5:  # noqa: UWF101, UWF105"
    )
    text = text.replace('("wait", 10)', '("wait", 10)  # noqa: UWF308')
    (tmp_path / "orders.py").write_text(text)
    ruff = run_tool(tmp_path, "ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert ruff.stdout.splitlines() == ["All checks passed!"], ruff.stdout
    assert ruff.returncode == 0
    ours = wfcheck(tmp_path, "--no-cache", "--output-format", "concise", ".")
    assert ours.stdout.splitlines() == [
        "orders.py:14:43: UWF001 [*] Unused `noqa` directive (unused: `UWF102`)",
        "Found 1 error.",
        "[*] 1 fixable with `--fix`.",
    ]
    # Without `external`, Ruff flags the same comments: the setting is what makes them coexist.
    (tmp_path / "pyproject.toml").write_text('[tool.ruff.lint]\nselect = ["RUF100", "RUF102"]\n')
    ruff = run_tool(tmp_path, "ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert ruff.returncode == 1
    assert "RUF10" in ruff.stdout


def test_pre_commit_hook_runs_wfcheck_on_the_changed_files(tmp_path: Path) -> None:
    hooks = (Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text()
    fields = dict(re.findall(r"^ *-? *(id|entry|language|require_serial): (.+)$", hooks, re.M))
    assert fields == {
        "id": "wfcheck",
        "entry": "wfcheck check --force-exclude",
        "language": "python",
        "require_serial": "true",
    }
    (tmp_path / "wfcheck.toml").write_text('extend-exclude = ["legacy"]\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.py").write_text(WORKFLOW)
    (tmp_path / "orders.py").write_text(WORKFLOW)
    command = fields["entry"].split()[1:]  # as pre-commit runs it, with the changed files
    result = wfcheck(
        tmp_path, *command[1:], "--output-format", "concise", "legacy/old.py", "orders.py"
    )
    assert {line.split(":")[0] for line in result.stdout.splitlines() if ": UWF" in line} == {
        "orders.py"
    }
    assert result.returncode == 1


def test_an_internal_error_in_a_fix_keeps_the_file_and_its_findings(
    project: Path, capsys, monkeypatch
) -> None:
    def failing_fix(*args, **kwargs):
        raise KeyError("edit")

    monkeypatch.setattr(runner, "fix_text", failing_fix)
    before = (project / "orders.py").read_text()
    code, out, err = run(capsys, "--fix", "--unsafe-fixes", "--output-format", "concise", ".")
    assert (project / "orders.py").read_text() == before
    assert "orders.py:11:8: UWF101 " in out
    assert err.splitlines()[0].startswith(
        "wfcheck: error: panicked while checking orders.py: KeyError: 'edit' (at "
    )
    assert code == 2
