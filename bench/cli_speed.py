"""`wfcheck check` on a tree of 100,000 lines, cold and with a warm cache, next to
`flake8 --select UWF` on the same tree, in one run.

    .venv/bin/python bench/cli_speed.py                 # about 100,000 lines
    .venv/bin/python bench/cli_speed.py --lines 20000   # a smaller tree

The tree is the generated workflow corpus (bench/generate_workflows.py, seeded), written to a
temporary folder with modules added until it holds `--lines` lines. Each command runs once,
as a user runs it (a new process, all cores): wfcheck with an empty `.wfcheck_cache` (cold),
then again with the cache the first run wrote (warm), then flake8 (its default `--jobs`,
one per core). Printed: seconds, findings, and the ratios. No timing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate_workflows import DEFAULT_SEED, generate_module  # noqa: E402

DEFAULT_LINES = 100_000


def write_tree(folder: Path, lines: int, seed: int) -> tuple[int, int]:
    """Modules written until the tree holds `lines` lines: (files, lines)."""
    written = files = 0
    while written < lines:
        name, text = generate_module(seed, files)
        (folder / name).write_text(text, encoding="utf-8")
        written += text.count("\n")
        files += 1
    return files, written


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Seconds of one run, and the number of findings it printed."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return seconds, sum(1 for line in result.stdout.splitlines() if ": UWF" in line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=DEFAULT_LINES)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wfcheck-bench-") as temporary:
        tree = Path(temporary)
        files, lines = write_tree(tree, args.lines, args.seed)
        wfcheck = [sys.executable, "-m", "wfcheck", "check", "--output-format", "concise", "."]
        shutil.rmtree(tree / ".wfcheck_cache", ignore_errors=True)
        cold, cold_findings = timed(wfcheck, tree)
        warm, warm_findings = timed(wfcheck, tree)
        flake8, flake8_findings = timed(
            [sys.executable, "-m", "flake8", "--select", "UWF", "."], tree
        )
    print(f"tree: {files} files, {lines} lines; {os.cpu_count()} cores")
    print(f"{'command':<28}{'seconds':>9}{'findings':>10}")
    for label, seconds, found in (
        ("wfcheck check (cold)", cold, cold_findings),
        ("wfcheck check (warm cache)", warm, warm_findings),
        ("flake8 --select UWF", flake8, flake8_findings),
    ):
        print(f"{label:<28}{seconds:>9.2f}{found:>10}")
    print(f"cold / flake8: {cold / flake8:.2f}")
    print(f"warm / flake8: {warm / flake8:.2f}")
    print(f"warm / cold:   {warm / cold:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
