"""The wfcheck extension in a real VS Code (code-server), used as a person uses it: the
bundled examples open in the workbench, the Problems panel, squiggles, the quick-fix menu,
hover, fix-all on save and by command, the extension's commands, and what a user sees when
the server cannot start. Run by `.ci/vscode` (`pytest -m vscode`)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_tool
from tests.vscode.codeserver import EXTENSION, MEASURED, Problem, Workbench
from tests.vscode.conftest import BILLING, WORKSPACE_SETTINGS
from wfcheck.docs import rule_markdown
from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.rules import RULES_BY_CODE
from wfcheck.source import SourceText

pytestmark = pytest.mark.vscode

SEVERITIES = {"error": "error", "warning": "warning", "information": "info"}
UNSAFE = " (unsafe: changes the workflow's steps)"
# An edit that introduces a clock read outside a step into the clean example.
CLEAN = "welcome_sequence.py"
EDITED_LINE = 94
EDIT = " + str(time.time())"
REVIEWED = "# Reviewed for replay safety.\n"


def reported(workspace: Path, name: str, *options: str) -> list[dict[str, Any]]:
    """What `wfcheck check --output-format json` reports for the file."""
    command = ["check", "--no-cache", "--output-format", "json", *options, name]
    result = run_tool(workspace, "wfcheck", *command)
    assert result.returncode in (0, 1), result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def as_shown(findings: list[dict[str, Any]]) -> list[Problem]:
    """The findings as the Problems panel shows them, in its order (errors first)."""
    problems = [
        Problem(
            severity=SEVERITIES[finding["severity"]],
            code=finding["code"],
            line=finding["location"]["row"],
            column=finding["location"]["column"],
            message=finding["message"],
        )
        for finding in findings
    ]
    order = list(SEVERITIES.values())
    return sorted(problems, key=lambda p: (order.index(p.severity), p.line, p.column, p.code))


def fixed_by_cli(workspace: Path, name: str, tmp_path: Path) -> str:
    """The file as `wfcheck check --fix` leaves it: every safe fix, nothing else."""
    copy = tmp_path / name
    shutil.copy(workspace / name, copy)
    result = run_tool(tmp_path, "wfcheck", "check", "--no-cache", "--fix", "--exit-zero", name)
    assert result.returncode == 0, result.stderr
    return copy.read_text("utf-8")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def shown_text(markdown: str) -> str:
    """Markdown as the hover shows its text: no `#` marks, no backticks, spaces collapsed."""
    text = re.sub(r"^#+ ", "", markdown, flags=re.MULTILINE).replace("`", "")
    return " ".join(text.split())


def test_problems_panel_lists_what_wfcheck_check_reports(
    workbench: Workbench, workspace: Path, screenshots: Path
) -> None:
    expected = as_shown(reported(workspace, BILLING))
    assert len(expected) > 5

    workbench.open_file(BILLING)
    assert workbench.wait_for_problem_count(BILLING, len(expected))

    assert workbench.problems(BILLING) == expected
    # The squiggles of the findings around line 74 are in view.
    workbench.go_to(74, 5)
    squiggles = workbench.page.locator(".editor-group-container.active .squiggly-error")
    squiggles.first.wait_for()
    assert squiggles.count() >= 5
    picture = screenshots / "vscode-problems.png"
    workbench.screenshot(picture)
    assert png_size(picture) == (1400, 900)


def test_hover_shows_the_rule_documentation(workbench: Workbench, workspace: Path) -> None:
    workbench.close_all_editors()
    workbench.open_file(BILLING)
    assert workbench.wait_for_problem_count(BILLING, len(reported(workspace, BILLING)))
    workbench.go_to(87, 19)  # context.sleepUntil: UWF308

    hover = " ".join(workbench.hover_text().split())

    docs = rule_markdown(RULES_BY_CODE["UWF308"])
    what, why = (section.split("\n\n", 1)[0] for section in docs.split("## ")[1:3])
    assert "unknown-context-method (UWF308)" in hover
    assert shown_text(f"## {what}") in hover
    assert shown_text(f"## {why}") in hover
    workbench.page.keyboard.press("Escape")


def test_quick_fix_menu_titles_and_applying_one(
    workbench: Workbench, workspace: Path, screenshots: Path
) -> None:
    # The menu, on the example: an unsafe fix says so in its title.
    example = {(f["location"]["row"], f["code"]): f for f in reported(workspace, BILLING)}
    workbench.close_all_editors()
    workbench.open_file(BILLING)
    assert workbench.wait_for_problem_count(BILLING, len(example))
    workbench.go_to(74, 5)
    fix = example[74, "UWF303"]["fix"]
    assert workbench.open_quick_fix_menu() == [
        f"wfcheck (UWF303): {fix['message']}{UNSAFE}",
        "wfcheck (UWF303): Disable for this line",
    ]
    picture = screenshots / "vscode-quick-fix.png"
    workbench.screenshot(picture)
    assert png_size(picture) == (1400, 900)
    workbench.close_quick_fix_menu()

    name = "billing_quick_fix.py"
    findings = {(f["location"]["row"], f["code"]): f for f in reported(workspace, name)}
    workbench.close_all_editors()
    workbench.open_file(name)
    assert workbench.wait_for_problem_count(name, len(findings))

    # A safe one is applied.
    workbench.go_to(87, 19)
    rename = findings[87, "UWF308"]
    title = f"wfcheck (UWF308): {rename['fix']['message']}"
    assert rename["fix"]["applicability"] == "safe"
    assert workbench.open_quick_fix_menu() == [title, "wfcheck (UWF308): Disable for this line"]
    workbench.choose_action(title)

    original = (workspace / name).read_text("utf-8")
    (finding,) = [d for d in check_source(original).diagnostics if d.code == "UWF308"]
    assert finding.fix is not None
    expected_text = apply_edits(SourceText(original), finding.fix.edits)
    expected_line = expected_text.splitlines()[86]
    assert expected_line.strip() == (
        'await context.sleep_until("renewal-reminder", subscription["next_renewal_at"])'
    )
    assert workbench.wait_for_problem_count(name, len(findings) - 1)
    assert workbench.editor_line(87) == expected_line
    assert [p.code for p in workbench.problems(name) if p.line == 87] == []

    workbench.save(name, formatting=False)
    assert (workspace / name).read_text("utf-8") == expected_text


def test_fix_all_on_save_applies_the_safe_fixes_and_nothing_else(
    workbench: Workbench, workspace: Path, tmp_path: Path
) -> None:
    name = "billing_fix_on_save.py"
    workbench.close_all_editors()
    workbench.open_file(name)
    assert workbench.wait_for_problem_count(name, len(reported(workspace, name)))
    # A change, then Ctrl+S.
    workbench.go_to(1, 1)
    workbench.page.keyboard.insert_text(REVIEWED)
    edited = tmp_path / "edited"
    edited.mkdir()
    (edited / name).write_text(REVIEWED + (workspace / name).read_text("utf-8"), "utf-8")
    expected_text = fixed_by_cli(edited, name, tmp_path)
    left = as_shown(reported(tmp_path, name))
    assert expected_text != (edited / name).read_text("utf-8")

    workbench.save(name)
    assert workbench.wait_for_problem_count(name, len(left))

    assert (workspace / name).read_text("utf-8") == expected_text
    assert workbench.problems(name) == left
    assert {p.code for p in left} >= {"UWF303", "UWF203"}  # unsafe fixes are not applied


def test_fix_all_command(workbench: Workbench, workspace: Path, tmp_path: Path) -> None:
    name = "billing_fix_all.py"
    expected_text = fixed_by_cli(workspace, name, tmp_path)
    left = as_shown(reported(tmp_path, name))
    workbench.close_all_editors()
    workbench.open_file(name)
    assert workbench.wait_for_problem_count(name, len(reported(workspace, name)))

    workbench.run_command("wfcheck: Fix all auto-fixable problems")
    assert workbench.wait_for_problem_count(name, len(left))
    assert workbench.problems(name) == left

    workbench.save(name, formatting=False)
    assert (workspace / name).read_text("utf-8") == expected_text


def test_time_from_an_edit_to_its_squiggle(workbench: Workbench, workspace: Path) -> None:
    assert reported(workspace, CLEAN) == []
    line = (workspace / CLEAN).read_text("utf-8").splitlines()[EDITED_LINE - 1]
    assert line == '    user_id = context.request_payload["user_id"]'
    workbench.close_all_editors()
    workbench.open_file(CLEAN)
    workbench.go_to(EDITED_LINE, len(line) + 1)
    page = workbench.page
    # Times, in the page, when the edited line is shown and when its squiggle is.
    page.evaluate(
        """edit => {
            const editor = document.querySelector(
                '.editor-group-container.active .monaco-editor');
            const seen = window.__wfcheck = {};
            const observer = new MutationObserver(() => {
                const now = performance.now();
                if (seen.edit === undefined && [...editor.querySelectorAll('.view-line')]
                        .some(line => line.textContent.replace(/\\u00a0/g, ' ').includes(edit))) {
                    seen.edit = now;
                }
                if (seen.edit !== undefined && editor.querySelector('.squiggly-warning')) {
                    seen.squiggle = now;
                    observer.disconnect();
                }
            });
            observer.observe(editor, {subtree: true, childList: true, characterData: true,
                                      attributes: true});
        }""",
        EDIT.strip(),
    )
    page.keyboard.insert_text(EDIT)
    page.wait_for_function("() => window.__wfcheck.squiggle !== undefined", timeout=60_000)
    elapsed = page.evaluate("() => window.__wfcheck.squiggle - window.__wfcheck.edit")

    edited = (workspace / CLEAN).read_text("utf-8").replace(line, line + EDIT)
    expected = as_shown_source(edited)
    assert [(p.code, p.line) for p in expected] == [("UWF101", EDITED_LINE)]
    assert workbench.wait_for_problem_count(CLEAN, 1)
    assert workbench.problems(CLEAN) == expected
    # Measured and reported, not asserted: the time depends on the machine.
    MEASURED["edit to squiggle"] = f"{elapsed:.0f} ms"
    workbench.run_command("File: Revert File")
    assert workbench.wait_for_problem_count(CLEAN, 0)


def as_shown_source(text: str) -> list[Problem]:
    """What the Problems panel shows for an unsaved text, by wfcheck's engine."""
    order = list(SEVERITIES.values())
    problems = [
        Problem(
            severity=SEVERITIES[d.severity.value],
            code=d.code,
            line=d.line,
            column=d.column + 1,
            message=d.message,
        )
        for d in check_source(text).diagnostics
    ]
    return sorted(problems, key=lambda p: (order.index(p.severity), p.line, p.column, p.code))


def test_show_output_and_restart_server(workbench: Workbench, workspace: Path) -> None:
    # A Python file open: the extension has started (it starts with the first one).
    workbench.close_all_editors()
    workbench.open_file(BILLING)
    assert workbench.wait_for_problem_count(BILLING, len(reported(workspace, BILLING)))
    workbench.show_output()
    workbench.wait_for_output("the server is running")
    output = workbench.output_text()
    version = json.loads((EXTENSION / "package.json").read_text("utf-8"))["version"]
    bundled = f"/extensions/wfcheck.wfcheck-{version}/bundled/"
    assert f"{bundled}libs, run by " in output.replace("\n", "")
    assert "(importStrategy: useBundled)" in output
    assert f"{bundled}tool/server.py --stdio" in output.replace("\n", "")

    workbench.clear_output()
    workbench.run_command("wfcheck: Restart Server")
    workbench.wait_for_output("the server is running")
    # The old server's clean exit is information, not an error.
    workbench.wait_for_output("Server process exited with code 0.")
    assert "Error" not in workbench.output_text()
    workbench.close_all_editors()
    workbench.open_file(BILLING)
    assert workbench.wait_for_problem_count(BILLING, len(reported(workspace, BILLING)))


def test_the_other_ways_to_start_the_server(workbench: Workbench, workspace: Path) -> None:
    """fromEnvironment with an interpreter that has wfcheck (this project's), then
    `wfcheck.path`; each setting restarts the server, which checks the open file and shows
    exactly its findings (the extension's own settings give no "unknown setting")."""
    settings_file = workspace / ".vscode" / "settings.json"
    python = sys.executable
    script = str(Path(sys.executable).parent / "wfcheck-lsp")
    expected = as_shown(reported(workspace, BILLING))
    workbench.close_all_editors()
    workbench.open_file(BILLING)
    assert workbench.wait_for_problem_count(BILLING, len(expected))
    cases = [
        (
            {"wfcheck.importStrategy": "fromEnvironment", "wfcheck.interpreter": [python]},
            f"command: {python} -m wfcheck_lsp --stdio",
            f"run by {python} ",
        ),
        (
            {"wfcheck.path": ["/nowhere/wfcheck-lsp", script]},
            f"command: {script} --stdio",
            f"starting the server: {script} (wfcheck.path)",
        ),
    ]
    try:
        for settings, command, description in cases:
            workbench.clear_output()
            settings_file.write_text(json.dumps({**WORKSPACE_SETTINGS, **settings}), "utf-8")
            workbench.wait_for_output("the server is running")
            output = workbench.output_text().replace("\n", "")
            assert command in output
            assert description in output
            assert workbench.wait_for_problem_count(BILLING, len(expected))
            assert workbench.problems(BILLING) == expected
    finally:
        workbench.clear_output()
        settings_file.write_text(json.dumps(WORKSPACE_SETTINGS), "utf-8")
        workbench.wait_for_output("the server is running")


def test_a_server_setting_applies_to_the_open_file(workbench: Workbench, workspace: Path) -> None:
    """`wfcheck.configuration` changed in settings.json: the Problems panel follows at once,
    as `wfcheck check` with the same option reports."""
    settings_file = workspace / ".vscode" / "settings.json"
    ignoring = as_shown(reported(workspace, BILLING, "--ignore", "UWF308"))
    everything = as_shown(reported(workspace, BILLING))
    assert "UWF308" in {p.code for p in everything}
    assert len(ignoring) == len(everything) - 1
    workbench.close_all_editors()
    workbench.open_file(BILLING)
    assert workbench.wait_for_problem_count(BILLING, len(everything))
    try:
        settings = {**WORKSPACE_SETTINGS, "wfcheck.configuration": {"ignore": ["UWF308"]}}
        settings_file.write_text(json.dumps(settings), "utf-8")
        assert workbench.wait_for_problem_count(BILLING, len(ignoring))
        assert workbench.problems(BILLING) == ignoring
    finally:
        settings_file.write_text(json.dumps(WORKSPACE_SETTINGS), "utf-8")
    assert workbench.wait_for_problem_count(BILLING, len(everything))
    assert workbench.problems(BILLING) == everything


BROKEN_SERVER = """#!/bin/sh
echo "wfcheck-lsp: ImportError: cannot import name 'create_server'" >&2
exit 1
"""


def cannot_start(case: str, tmp_path: Path) -> tuple[dict[str, Any], str, str, str]:
    """Settings with which the server cannot start; the notification, and the lines of the
    output that say why."""
    if case == "wfcheck missing":
        venv = tmp_path / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        python = str(venv / "bin" / "python")
        return (
            {"wfcheck.importStrategy": "fromEnvironment", "wfcheck.interpreter": [python]},
            f'wfcheck: wfcheck is not installed in "{python}": run `{python} -m pip install '
            'wfcheck`, or set wfcheck.importStrategy to "useBundled".',
            "the server cannot start: wfcheck is not installed in",
            "No module named 'wfcheck'",
        )
    # A `wfcheck-lsp` that exits at once, as a broken install does.
    script = tmp_path / "wfcheck-lsp"
    script.write_text(BROKEN_SERVER, "utf-8")
    script.chmod(0o755)
    return (
        {"wfcheck.path": [str(script)]},
        "wfcheck: the language server stopped while starting. Reinstall it with "
        "`pip install wfcheck`; the output has the details.",
        "the server stopped while starting",
        "cannot import name 'create_server'",
    )


@pytest.mark.parametrize("case", ["wfcheck missing", "server exits"])
def test_a_server_that_cannot_start_says_how_to_fix_it(
    workbench: Workbench, workspace: Path, tmp_path: Path, case: str
) -> None:
    """One notification with the command that fixes it, a "Show Output" button that shows the
    details; back to the bundled server when the setting goes."""
    settings, notification, reason, detail = cannot_start(case, tmp_path)
    settings_file = workspace / ".vscode" / "settings.json"
    count = len(reported(workspace, BILLING))
    workbench.close_all_editors()
    workbench.open_file(BILLING)
    assert workbench.wait_for_problem_count(BILLING, count)
    workbench.clear_output()
    workbench.show_problems()  # the output out of sight: the notification's button shows it
    settings_file.write_text(json.dumps({**WORKSPACE_SETTINGS, **settings}), "utf-8")

    toast = workbench.page.locator(".notification-toast .notification-list-item-message")
    toast.first.wait_for(timeout=60_000)
    assert workbench.notifications() == [notification]
    buttons = workbench.page.locator(".notification-toast .monaco-button")
    assert buttons.all_inner_texts() == ["Show Output"]
    # "Show Output": the notification goes, the output shows why.
    buttons.click()
    toast.first.wait_for(state="detached")
    workbench.page.locator(".output-view").wait_for(state="visible")
    workbench.wait_for_output(detail)
    assert reason in workbench.output_text()

    workbench.clear_output()
    settings_file.write_text(json.dumps(WORKSPACE_SETTINGS), "utf-8")
    workbench.wait_for_output("the server is running")
    assert workbench.wait_for_problem_count(BILLING, count)
