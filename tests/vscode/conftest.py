"""Fixtures of the VS Code tests: a workspace made of the bundled examples, code-server with
the extension installed, and Debian's Chromium driven by Playwright.

Screenshots go to WFCHECK_SCREENSHOTS when it is set (scripts/screenshots/vscode.sh sets it to
docs/images), else to a temporary folder. The measured times are printed at the end of the run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.vscode.codeserver import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MEASURED,
    CodeServer,
    Workbench,
    code_server,
    copy_examples,
)

# Copies of an example that the tests change, one per test.
BILLING = "subscription_billing.py"
COPIES = {
    "billing_quick_fix.py": BILLING,
    "billing_fix_on_save.py": BILLING,
    "billing_fix_all.py": BILLING,
}
# The workspace's settings: fix-all on save, as the README shows it.
WORKSPACE_SETTINGS = {
    "[python]": {"editor.codeActionsOnSave": {"source.fixAll.wfcheck": "explicit"}},
}
VIEWPORT = {"width": 1400, "height": 900}
FAILED = pytest.StashKey[bool]()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("vscode") / "examples"
    copy_examples(folder)
    for copy, original in COPIES.items():
        (folder / copy).write_bytes((folder / original).read_bytes())
    (folder / ".vscode").mkdir()
    (folder / ".vscode" / "settings.json").write_text(json.dumps(WORKSPACE_SETTINGS), "utf-8")
    return folder


@pytest.fixture(scope="module")
def server(workspace: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CodeServer]:
    with code_server(workspace, tmp_path_factory.mktemp("code-server-home")) as running:
        yield running
    MEASURED["extension log"] = str(running.user_data / "logs")


@pytest.fixture(scope="module")
def workbench(server: CodeServer) -> Iterator[Workbench]:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (only in this stage)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
            bench = Workbench(page, server.url)
            bench.load()
            yield bench
        finally:
            browser.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if folder := os.environ.get("WFCHECK_SCREENSHOTS"):
        return Path(folder).resolve()
    return tmp_path_factory.mktemp("screenshots")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[None]:
    report = yield
    if report.when == "call" and report.failed:
        item.stash[FAILED] = True
    return report


@pytest.fixture(autouse=True)
def screenshot_on_failure(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """What the page showed when a test failed, for the one who reads the failure."""
    yield
    if request.node.stash.get(FAILED, False) and "workbench" in request.fixturenames:
        bench: Workbench = request.getfixturevalue("workbench")
        picture = tmp_path_factory.getbasetemp() / "failures" / f"{request.node.name}.png"
        bench.screenshot(picture)
        MEASURED[f"failed: {request.node.name}"] = str(picture)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if MEASURED:
        terminalreporter.section("wfcheck in VS Code")
        for name, value in MEASURED.items():
            terminalreporter.write_line(f"{name}: {value}")
