from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (FIXTURES / folder).rglob("*.py"))


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def run_tool(
    cwd: Path, *command: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m <command>` (wfcheck, ruff, flake8) run in `cwd` as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
