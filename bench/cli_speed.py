"""`wfcheck check` on a tree of workflow modules and ordinary code, cold and with a warm
cache, next to `ruff check --no-cache` and `flake8 --select UWF` on the same tree, in one run.

    .venv/bin/python bench/cli_speed.py                 # about 100,000 lines of workflows
    .venv/bin/python bench/cli_speed.py --lines 20000   # a smaller tree

The tree is the generated workflow corpus (bench/generate_workflows.py, seeded), written to a
temporary folder with modules added until it holds `--lines` lines, plus a copy of some
packages of the standard library (ordinary code that does not use the SDK, as a real
repository has beside its workflows). Each command runs once, as a user runs it (a new
process, all cores, the bytecode of installed packages compiled), in two output modes:
`--statistics` (both tools print a count per rule, so printing costs the same) and the
default output (`full` for both: each finding with its source lines and fix diff). wfcheck
runs with an empty `.wfcheck_cache` (cold), then again with the cache the first run wrote
(warm); Ruff with `--no-cache`. Printed: seconds, the bytes each printed, the UWF findings of
each (they must agree), and the ratios to Ruff.
No timing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate_workflows import DEFAULT_SEED, generate_module  # noqa: E402

DEFAULT_LINES = 100_000
# Ordinary code beside the workflows: about 100,000 lines of the standard library.
STDLIB_PACKAGES = ("asyncio", "email", "json", "logging", "http", "urllib", "concurrent")


def write_tree(folder: Path, lines: int, seed: int) -> tuple[int, int]:
    """Modules written until the tree holds `lines` lines, and the standard library packages
    copied beside them: (files, lines)."""
    written = files = 0
    while written < lines:
        name, text = generate_module(seed, files)
        (folder / name).write_text(text, encoding="utf-8")
        written += text.count("\n")
        files += 1
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for package in STDLIB_PACKAGES:
        shutil.copytree(stdlib / package, folder / "stdlib" / package)
    for path in (folder / "stdlib").rglob("*.py"):
        files += 1
        written += path.read_bytes().count(b"\n")
    return files, written


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    printed: int  # bytes of standard output
    uwf_findings: int


# As an installed package runs: its bytecode compiled once and kept (some machines set
# PYTHONDONTWRITEBYTECODE, and every run would compile wfcheck's sources again).
ENVIRONMENT = {
    name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
}


def compile_once() -> None:
    """Import what the runs import, so that their bytecode is written before any is timed."""
    imports = "import flake8.main.cli, wfcheck.cli, wfcheck.flake8_plugin"
    subprocess.run([sys.executable, "-c", imports], env=ENVIRONMENT, check=True)


def timed(label: str, command: list[str], cwd: Path) -> Run:
    """One run, as a user runs it."""
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, env=ENVIRONMENT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return Run(label, seconds, len(result.stdout.encode()), uwf_findings(result.stdout))


def uwf_findings(output: str) -> int:
    """The UWF findings an output shows: counted from `--statistics` lines (`545\tUWF101\t...`),
    else one per line that names a UWF code at a location (concise, flake8) or a header (full)."""
    total = 0
    for line in output.splitlines():
        count, _, rest = line.strip().partition("\t")
        if count.isdigit() and rest.startswith("UWF"):
            total += int(count)
        elif ": UWF" in line or line.startswith("UWF"):
            total += 1
    return total


def run_all(tree: Path) -> list[Run]:
    compile_once()
    wfcheck = [sys.executable, "-m", "wfcheck", "check", "."]
    ruff = [sys.executable, "-m", "ruff", "check", "--no-cache", "."]
    runs = []
    for mode, extra in (("--statistics", ["--statistics"]), ("full", [])):
        shutil.rmtree(tree / ".wfcheck_cache", ignore_errors=True)
        runs.append(timed(f"wfcheck check, cold ({mode})", [*wfcheck, *extra], tree))
        runs.append(timed(f"wfcheck check, warm ({mode})", [*wfcheck, *extra], tree))
        runs.append(timed(f"ruff check --no-cache ({mode})", [*ruff, *extra], tree))
    flake8 = [sys.executable, "-m", "flake8", "--select", "UWF", "."]
    runs.append(timed("flake8 --select UWF", flake8, tree))
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=DEFAULT_LINES)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wfcheck-bench-") as temporary:
        tree = Path(temporary)
        files, lines = write_tree(tree, args.lines, args.seed)
        runs = run_all(tree)
    print(
        f"tree: {files} files, {lines} lines ({', '.join(STDLIB_PACKAGES)} among them); "
        f"{os.cpu_count()} cores"
    )
    print(f"{'command':<36}{'seconds':>9}{'printed':>12}{'UWF findings':>14}")
    for run in runs:
        print(f"{run.label:<36}{run.seconds:>9.2f}{run.printed:>12,}{run.uwf_findings:>14}")
    by_label = {run.label: run.seconds for run in runs}
    for mode in ("--statistics", "full"):
        ruff = by_label[f"ruff check --no-cache ({mode})"]
        cold = by_label[f"wfcheck check, cold ({mode})"]
        warm = by_label[f"wfcheck check, warm ({mode})"]
        print(
            f"{mode}: cold / ruff {cold / ruff:.2f} (aim 4), warm / ruff {warm / ruff:.2f} (aim 1)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
