"""What the plugin adds to a flake8 run, next to what flake8-bugbear adds, in one run.

    .venv/bin/pip install -e '.[bench]'             # flake8-bugbear, the reference column
    .venv/bin/python bench/flake8_overhead.py                 # about 100,000 lines of workflows
    .venv/bin/python bench/flake8_overhead.py --lines 20000   # fewer

flake8 runs every installed tree plugin on every file, whether or not its codes are selected,
so what the plugin costs is paid by every flake8 user who installs it. On the tree of
`cli_speed.py` (generated workflow modules and seven packages of the standard library), the
script runs `flake8 -j1` with its default checks (pycodestyle, pyflakes) and one set of
plugins at a time: none, wfcheck's `UWF`, flake8-bugbear's `B`. The other installed plugins
are left out by filtering flake8's plugin finder in the process that runs it. Each variant
runs `--repeat` times, interleaved, and keeps its fastest run. Printed: seconds per variant
and the overhead of each plugin over the run without plugins. No timing is asserted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from cli_speed import (  # noqa: E402
    DEFAULT_LINES,
    ENVIRONMENT,
    STDLIB_PACKAGES,
    compile_once,
    write_tree,
)
from generate_workflows import DEFAULT_SEED  # noqa: E402

# Runs flake8 in this process with only the named plugin packages besides flake8's own.
FLAKE8_WITH = """
import sys
from flake8.main.cli import main
from flake8.plugins import finder

kept = {"flake8", "pyflakes", "pycodestyle", *filter(None, sys.argv[1].split(","))}
find_plugins = finder.find_plugins
finder.find_plugins = lambda cfg, opts: [
    plugin for plugin in find_plugins(cfg, opts) if plugin.package in kept
]
sys.exit(main(sys.argv[2:]))
"""
VARIANTS = (
    ("flake8 defaults", ""),
    ("+ wfcheck (UWF)", "wfcheck"),
    ("+ bugbear (B)", "flake8-bugbear"),
)


def seconds_of(plugins: str, tree: Path) -> float:
    command = [sys.executable, "-c", FLAKE8_WITH, plugins, "-j1", "--exit-zero", "."]
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=tree, env=ENVIRONMENT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"flake8 with {plugins or 'no plugins'} failed:\n{result.stderr}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=DEFAULT_LINES)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    best = {label: float("inf") for label, _ in VARIANTS}
    with tempfile.TemporaryDirectory(prefix="wfcheck-bench-") as temporary:
        tree = Path(temporary)
        files, lines = write_tree(tree, args.lines, args.seed)
        compile_once()
        for _ in range(args.repeat):
            for label, plugins in VARIANTS:
                best[label] = min(best[label], seconds_of(plugins, tree))
    print(f"tree: {files} files, {lines} lines ({', '.join(STDLIB_PACKAGES)} among them)")
    print(f"{'flake8 -j1':<20}{'seconds':>9}{'overhead':>10}")
    baseline = best[VARIANTS[0][0]]
    for label, _ in VARIANTS:
        overhead = best[label] / baseline - 1
        print(f"{label:<20}{best[label]:>9.2f}{overhead:>+10.1%}")
    print("aim: wfcheck's overhead at or below 5%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
