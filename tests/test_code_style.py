"""The project's own code is `ruff check` and `ruff format` clean, and `mypy --strict` clean
(the versions are pinned in the test extras, so a new release cannot fail CI unasked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check() -> None:
    result = tool("ruff", "check", "--output-format", "concise", ".")
    assert result.returncode == 0, result.stdout


def test_ruff_format() -> None:
    result = tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
def test_mypy_strict() -> None:
    result = tool("mypy", "--no-incremental")  # files and strictness: [tool.mypy]
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Success: no issues found in ")
