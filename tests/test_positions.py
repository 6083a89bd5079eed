"""Columns count characters, not the UTF-8 bytes `ast` reports, on every surface."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from wfcheck.diagnostics import Position, Range
from wfcheck.engine import check_source
from wfcheck.source import SourceText

WORKFLOW = """\
import time

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())


@serve.post("/café")
async def commande(context) -> None:
    note = "crème brûlée 🍮"; début = time.time()
    await context.run("étape", lambda: (note, début))
"""


def test_engine_columns_are_characters() -> None:
    (diagnostic,) = check_source(WORKFLOW).diagnostics
    line = WORKFLOW.splitlines()[10]
    assert diagnostic.range == Range(
        Position(11, line.index("time.time()")), Position(11, line.index("time.time()") + 11)
    )
    assert line.index("time.time()") == 37  # 44 in UTF-8 bytes


def test_flake8_shows_the_same_character_column(tmp_path: Path) -> None:
    path = tmp_path / "commande.py"
    path.write_text(WORKFLOW, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "UWF", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.startswith(f"{path}:11:38: UWF101 ")


def test_line_endings_are_pythons() -> None:
    source = SourceText("a = 1\r\nb = '\x0c'\rc = 3\n")
    assert source.lines == ["a = 1", "b = '\x0c'", "c = 3", ""]
    assert source.offset(Position(3, 2)) == source.text.index("c = 3") + 2
