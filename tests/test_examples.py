"""The bundled examples show every rule, and their clean file stays clean."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from wfcheck.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent


def test_examples_show_every_rule_and_the_clean_file_is_clean() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wfcheck",
            "check",
            "--output-format=concise",
            "--no-cache",
            "examples/",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    findings = re.findall(r"^(examples/\S+?):\d+:\d+: (UWF\d{3}) ", result.stdout, re.M)
    assert result.returncode == 1
    assert {code for _, code in findings} == {rule.code for rule in ALL_RULES if not rule.opt_in}
    assert "examples/welcome_sequence.py" not in {path for path, _ in findings}


def test_bench_script_runs_and_prints_its_table() -> None:
    result = subprocess.run(
        [sys.executable, "bench/engine_speed.py", "--quick", "--count", "5", "--repeat", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line}
    assert {"stdlib", "workflows", "stdlib-assume"} <= rows.keys()
    assert rows["stdlib"][-1] == "0"  # no finding on the standard library
    assert int(rows["workflows"][-1]) > 0
