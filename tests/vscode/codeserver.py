"""A real VS Code for the tests: code-server with the wfcheck extension installed, and a
Playwright page driving its workbench the way a person does (keyboard, menus, panels).

Every wait is on a condition of the page or of a process, bounded by a timeout; nothing waits
on the clock. `.ci/vscode` installs code-server and builds the .vsix, and passes their paths in
WFCHECK_CODE_SERVER, WFCHECK_NODE_BIN and WFCHECK_VSIX; without them the install folder of
`.ci/vscode` and editors/vscode/wfcheck.vsix are used.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "editors" / "vscode"
CACHE = Path(os.environ.get("WFCHECK_CI_CACHE", Path.home() / ".cache" / "wfcheck-ci"))
CHROMIUM = os.environ.get("WFCHECK_CHROMIUM", "/usr/bin/chromium")
# Chromium as this machine's closed network wants it (no background connections).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What the tests measured (the time from an edit to its squiggle...), printed at the end.
MEASURED: dict[str, str] = {}
START_TIMEOUT = 60.0  # seconds: code-server listening, the extension installed
UI_TIMEOUT_MS = 60_000  # the workbench, the server's first diagnostics
STEP_TIMEOUT_MS = 20_000  # a menu, a hover, a panel
LISTENING = re.compile(r"HTTP server listening on (http://127\.0\.0\.1:\d+/)")
# User settings: a quiet VS Code (no AI entries in the quick-fix menu, no tips, no network).
USER_SETTINGS: dict[str, Any] = {
    "chat.disableAIFeatures": True,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": False,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.colorTheme": "Default Dark Modern",
    "telemetry.telemetryLevel": "off",
    "extensions.autoCheckUpdates": False,
    "extensions.autoUpdate": False,
    "extensions.ignoreRecommendations": True,
    "update.mode": "none",
    "files.autoSave": "off",
    "git.enabled": False,
    "editor.minimap.enabled": False,
    "editor.stickyScroll.enabled": False,
    "workbench.tree.enableStickyScroll": False,
    "editor.hover.delay": 300,
    "window.commandCenter": False,
}


def _found(variable: str, pattern: str) -> Path:
    """The path given in `variable`, else the newest match of `pattern` in the install folder."""
    if value := os.environ.get(variable):
        return Path(value)
    matches = sorted(CACHE.glob(pattern))
    assert matches, f"no {pattern} in {CACHE} and no {variable}: run `bash .ci/vscode` first"
    return matches[-1]


def code_server_binary() -> Path:
    path = _found("WFCHECK_CODE_SERVER", "code-server-*/bin/code-server")
    assert path.exists(), f"{path} is missing: run `bash .ci/vscode` first"
    return path


def node_bin() -> Path:
    """The folder of the Node 24 that code-server runs on."""
    if value := os.environ.get("WFCHECK_NODE_BIN"):
        return Path(value)
    node = _found("WFCHECK_NODE_BIN", "node-*/node_modules/.bin/node")
    return node.resolve().parent


def vsix() -> Path:
    path = Path(os.environ.get("WFCHECK_VSIX", EXTENSION / "wfcheck.vsix"))
    assert path.exists(), f"{path} is missing: build it with `bash .ci/vscode`"
    sources = [EXTENSION / "package.json", *(EXTENSION / "src").glob("*.ts")]
    stale = [s.name for s in sources if s.stat().st_mtime > path.stat().st_mtime]
    assert not stale, f"{path} is older than {stale}: build it again with `bash .ci/vscode`"
    return path


@dataclass
class CodeServer:
    url: str
    process: subprocess.Popen[str]
    user_data: Path
    log: Path


def python_bin(folder: Path) -> Path:
    """A folder whose `python3` is this Python's base interpreter (without wfcheck): what the
    extension finds on the PATH when nothing else names an interpreter."""
    folder.mkdir(parents=True, exist_ok=True)
    base = Path(getattr(sys, "_base_executable", sys.executable)).resolve()
    (folder / "python3").symlink_to(base)
    return folder


@contextmanager
def code_server(workspace: Path, home: Path) -> Iterator[CodeServer]:
    """code-server on a free port of 127.0.0.1 with the extension installed, its own HOME,
    XDG folders and user data, showing `workspace`. Ends its whole process group."""
    binary = code_server_binary()
    user_data = home / "user-data"
    extensions = home / "extensions"
    (user_data / "User").mkdir(parents=True)
    (user_data / "User" / "settings.json").write_text(json.dumps(USER_SETTINGS), "utf-8")
    path = os.pathsep.join(
        [str(python_bin(home / "bin")), str(node_bin()), os.environ.get("PATH", "")]
    )
    env = {
        **os.environ,
        "HOME": str(home),
        "PATH": path,
        **{f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("CONFIG", "DATA", "CACHE")},
        "XDG_STATE_HOME": str(home / "state"),
    }
    env.pop("VIRTUAL_ENV", None)
    common = ["--user-data-dir", str(user_data), "--extensions-dir", str(extensions)]
    installed = subprocess.run(
        [str(binary), *common, "--install-extension", str(vsix())],
        env=env,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT,
        check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "successfully installed" in installed.stdout, installed.stdout

    log = home / "code-server.log"
    command = [
        str(binary),
        *common,
        "--bind-addr=127.0.0.1:0",
        "--auth=none",
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        "--ignore-last-opened",
        str(workspace),
    ]
    process = subprocess.Popen(
        command,
        env=env,
        cwd=workspace,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # setsid: its children (file watcher...) end with it
    )
    listening = threading.Event()
    url: list[str] = []

    def read_output() -> None:
        assert process.stdout is not None
        with log.open("w", encoding="utf-8") as out:
            for line in process.stdout:
                out.write(line)
                out.flush()
                if not url and (match := LISTENING.search(line)):
                    url.append(match.group(1))
                    listening.set()
        listening.set()  # the process ended

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    try:
        assert listening.wait(START_TIMEOUT) and url, f"code-server did not start: see {log}"
        yield CodeServer(url[0], process, user_data, log)
    finally:
        _end_group(process)
        reader.join(START_TIMEOUT)


def _end_group(process: subprocess.Popen[str]) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=15)
    # Whatever of the group outlived the leader (a file watcher, an extension host).
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=15)


@dataclass(frozen=True)
class Problem:
    """A row of the Problems panel, as shown: `message  wfcheck(UWF101)  [Ln 74, Col 19]`."""

    severity: str
    code: str
    line: int
    column: int
    message: str


_ROW = re.compile(
    r"^(?P<severity>Error|Warning|Info)[^:]*: (?P<rest>.*) at line \d+ and character \d+\."
)
# The entries of the quick-fix menu (the page keeps closed menus, hidden).
_MENU_ROWS = ".action-widget .monaco-list-row.action"
_POSITION = re.compile(r"\[Ln (\d+), Col (\d+)\]\s*$")


class Workbench:
    """The VS Code workbench in a browser page, used with the keyboard as a person does."""

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url
        page.set_default_timeout(STEP_TIMEOUT_MS)

    def load(self) -> None:
        """Opens the workbench; the side bar is closed, to give the editor the room."""
        self.page.goto(self.url)
        self.page.wait_for_selector(".explorer-folders-view", timeout=UI_TIMEOUT_MS)
        self.run_command("View: Close Primary Side Bar")
        self.page.locator(".part.sidebar").wait_for(state="hidden")

    # Commands, files and the cursor ----------------------------------------------------

    def _quick_input(self, keys: str, text: str, label: str) -> None:
        """Open a quick input with `keys`, type `text`, wait until the focused entry's label
        starts with `label`, and choose it."""
        self.page.keyboard.press(keys)
        box = self.page.locator(".quick-input-widget input.input")
        box.wait_for(state="visible")
        box.fill(text)
        focused = self.page.locator(".quick-input-list .monaco-list-row.focused")
        focused.and_(self.page.locator(f'[aria-label^="{label}"]')).wait_for()
        self.page.keyboard.press("Enter")
        self.page.locator(".quick-input-widget").wait_for(state="hidden")

    def run_command(self, title: str) -> None:
        """A command from the Command Palette, by its title ("wfcheck: Restart Server")."""
        self._quick_input("F1", f">{title}", title)

    def open_file(self, name: str) -> None:
        self._quick_input("Control+p", name, name)
        self.page.locator(f'.tabs-container .tab.active[data-resource-name="{name}"]').wait_for()
        self.page.locator(".editor-group-container.active .monaco-editor.focused").wait_for()

    def save(self, name: str, *, formatting: bool = True) -> None:
        """Saves the active, changed file: Ctrl+S, or "File: Save without Formatting" (which
        runs no `editor.codeActionsOnSave`); waits until its tab is no longer marked dirty."""
        tab = f'.tabs-container .tab.active[data-resource-name="{name}"]'
        self.page.locator(f"{tab}.dirty").wait_for()
        if formatting:
            self.page.keyboard.press("Control+s")
        else:
            self.run_command("File: Save without Formatting")
        self.page.locator(f"{tab}:not(.dirty)").wait_for()

    def close_all_editors(self) -> None:
        self.run_command("View: Close All Editors")
        self.page.locator(".tabs-container .tab").first.wait_for(state="detached")

    def go_to(self, line: int, column: int) -> None:
        """Ctrl+G `line:column`; waits until the status bar shows the cursor there."""
        self.page.keyboard.press("Control+g")
        box = self.page.locator(".quick-input-widget input.input")
        box.wait_for(state="visible")
        box.fill(f":{line}:{column}")
        self.page.keyboard.press("Enter")
        self.page.locator(".quick-input-widget").wait_for(state="hidden")
        self.page.locator("#status\\.editor\\.selection").filter(
            has_text=f"Ln {line}, Col {column}"
        ).wait_for()
        self.page.locator(".editor-group-container.active .monaco-editor.focused").wait_for()

    def editor_line(self, number: int) -> str:
        """The text of a line of the active editor as shown (the line must be in view)."""
        text: str = self.page.evaluate(
            """number => {
                const editor = document.querySelector(
                    '.editor-group-container.active .monaco-editor');
                const label = [...editor.querySelectorAll('.line-numbers')]
                    .find(n => n.textContent.trim() === String(number));
                const top = label.closest('[style*="top"]').style.top;
                const line = [...editor.querySelectorAll('.view-line')]
                    .find(l => l.style.top === top);
                return line.textContent.replace(/\\u00a0/g, ' ');
            }""",
            number,
        )
        return text

    # The Problems panel ----------------------------------------------------------------

    def show_problems(self) -> None:
        if not self.page.locator(".markers-panel").is_visible():
            self.page.keyboard.press("Control+Shift+M")
        self.page.locator(".markers-panel").wait_for(state="visible")

    def wait_for_problem_count(self, name: str, count: int) -> bool:
        """Waits until the Problems panel shows `count` problems for the file (0: none);
        False when that is not so within the timeout (the caller's assertion says what is)."""
        # Imported here: the default test run collects this module without Playwright.
        from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: PLC0415

        self.show_problems()
        files = ".markers-panel .monaco-list-row[aria-level='1']"
        if count == 0:
            row = self.page.locator(f'{files}[aria-label$=" in file {name} of folder ."]')
            state = "detached"
        else:
            # "1 problems in file ...": VS Code's label, even for one.
            row = self.page.locator(f'{files}[aria-label^="{count} problems in file {name} "]')
            state = "attached"
        try:
            row.wait_for(state=state, timeout=UI_TIMEOUT_MS)  # type: ignore[arg-type]
        except PlaywrightTimeout:
            return False
        return True

    def problems(self, name: str) -> list[Problem]:
        """The file's rows of the Problems panel. The list is virtualized (rows out of view are
        not in the page): it is scrolled from the top until every row has been seen."""
        self.show_problems()
        panel = self.page.locator(".markers-panel .monaco-list")
        box = panel.bounding_box()
        assert box is not None
        self.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        self.page.mouse.wheel(0, -100_000)
        panel.locator('.monaco-list-row[data-index="0"]').wait_for(state="attached")
        rows: dict[int, tuple[int, str, str]] = {}
        while True:
            shown = panel.evaluate(
                """list => [...list.querySelectorAll('.monaco-list-row')].map(row => [
                    Number(row.dataset.index), Number(row.getAttribute('aria-level')),
                    row.getAttribute('aria-label') || '', row.innerText])"""
            )
            rows.update({index: (level, label, text) for index, level, label, text in shown})
            total = panel.evaluate(
                """list => Math.round(list.querySelector('.monaco-list-rows').offsetHeight
                    / list.querySelector('.monaco-list-row').offsetHeight)"""
            )
            missing = [index for index in range(total) if index not in rows]
            if not missing:
                break
            self.page.mouse.wheel(0, box["height"] / 2)
            row = panel.locator(f'.monaco-list-row[data-index="{missing[0]}"]')
            row.wait_for(state="attached")
        self.park_mouse()
        problems: list[Problem] = []
        in_file = False
        for index in sorted(rows):
            level, label, text = rows[index]
            if level == 1:
                in_file = f" in file {name} " in label
                continue
            if not in_file:
                continue
            match = _ROW.match(label)
            position = _POSITION.search(text)
            code = re.search(r"\b(UWF\d{3})\b", text)
            assert match and position and code, (label, text)
            problems.append(
                Problem(
                    severity=match["severity"].lower(),
                    code=code.group(1),
                    line=int(position.group(1)),
                    column=int(position.group(2)),
                    message=text.split("\n", 1)[0],
                )
            )
        return problems

    # Menus, hovers, the output, notifications --------------------------------------------

    def park_mouse(self) -> None:
        """The mouse over the window's title, where it shows no hover: a hover that appears
        (over a row of the Problems panel, say) takes the focus and closes an open menu."""
        size = self.page.viewport_size
        self.page.mouse.move(size["width"] / 2 if size else 0, 5)

    def open_quick_fix_menu(self) -> list[str]:
        """Ctrl+. at the cursor: the titles of the actions in the menu.

        First waits for the light bulb to stand at the cursor's line, as a person sees it
        there before pressing Ctrl+.: VS Code asks for the actions of a new cursor position a
        moment after it moves, and that request replaces a Ctrl+. pressed before it.
        """
        self.park_mouse()
        status = self.page.locator("#status\\.editor\\.selection").inner_text()
        found = re.search(r"Ln (\d+)", status)
        assert found, status
        self.page.wait_for_function(
            """line => {
                const editor = document.querySelector(
                    '.editor-group-container.active .monaco-editor');
                const bulb = editor.querySelector('.lightBulbWidget');
                const height = parseFloat(editor.querySelector('.view-line').style.height);
                return bulb && bulb.offsetParent !== null
                    && parseFloat(bulb.style.top) === (line - 1) * height;
            }""",
            arg=int(found.group(1)),
            timeout=STEP_TIMEOUT_MS,
        )
        self.page.keyboard.press("Control+.")
        rows = self.page.locator(f"{_MENU_ROWS}:visible")
        rows.first.wait_for()
        titles: list[str] = rows.locator(".title").all_inner_texts()
        return titles

    def choose_action(self, title: str) -> None:
        row = self.page.locator(f"{_MENU_ROWS}:visible").filter(
            has=self.page.locator(".title", has_text=re.compile(f"^{re.escape(title)}$"))
        )
        row.click()
        self._menu_closed()

    def close_quick_fix_menu(self) -> None:
        self.page.keyboard.press("Escape")
        self._menu_closed()

    def _menu_closed(self) -> None:
        self.page.locator(f"{_MENU_ROWS}:visible").first.wait_for(state="detached")

    def hover_text(self) -> str:
        """Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text."""
        self.park_mouse()
        self.page.keyboard.press("Control+k")
        self.page.keyboard.press("Control+i")
        hover = self.page.locator(".monaco-hover:not(.hidden) .monaco-hover-content")
        hover.first.wait_for()
        self.page.locator(".monaco-hover:not(.hidden) .rendered-markdown h1").first.wait_for()
        text: str = hover.first.inner_text()
        return text

    def output_text(self) -> str:
        lines = self.page.locator(".output-view .view-lines")
        lines.wait_for()
        text: str = lines.inner_text()
        return text.replace("\u00a0", " ")

    def wait_for_output(self, text: str) -> None:
        """Waits until the shown output has `text` (the view shows its last lines: clear it
        before the action whose line is awaited)."""
        self.page.wait_for_function(
            """text => {
                const view = document.querySelector('.output-view .view-lines');
                return view && view.innerText.replace(/\\u00a0/g, ' ').includes(text);
            }""",
            arg=text,
            timeout=UI_TIMEOUT_MS,
        )

    def show_output(self) -> None:
        """Runs "wfcheck: Show Output"; waits until the output has the focus (the extension shows
        it a moment after the command ends: a Command Palette opened before would close)."""
        self.run_command("wfcheck: Show Output")
        self.page.locator(".output-view .monaco-editor.focused").wait_for()

    def clear_output(self) -> None:
        """Shows the wfcheck output and clears it."""
        self.show_output()
        self.run_command("View: Clear Output")
        self.page.wait_for_function(
            "() => !document.querySelector('.output-view .view-lines')?.innerText.trim()"
        )

    def notifications(self) -> list[str]:
        toasts = self.page.locator(".notification-toast .notification-list-item-message")
        texts: list[str] = toasts.all_inner_texts()
        return texts

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path))


def copy_examples(destination: Path) -> None:
    shutil.copytree(ROOT / "examples", destination)
