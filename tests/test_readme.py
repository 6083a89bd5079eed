"""The README's commands and rule table stay true."""

from __future__ import annotations

import re
from pathlib import Path

from wfcheck.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, re.S)


def test_ci_runs_the_readmes_test_command() -> None:
    test_command = next(block for block in shell_blocks() if "pytest" in block)
    assert test_command in (ROOT / ".ci" / "run").read_text()


def test_readme_runs_wfcheck_on_the_examples() -> None:
    assert any("wfcheck check examples/" in block for block in shell_blocks())


def test_rule_table_lists_every_rule_with_its_page_and_severity() -> None:
    rows = re.findall(
        r"^\| \[(UWF\d{3})\]\(docs/rules/(UWF\d{3})\.md\) \| ([a-z-]+) \| ([a-z, -]+) \|",
        README,
        re.M,
    )
    assert rows == [
        (rule.code, rule.code, rule.name, rule.severity.value + (", opt-in" * rule.opt_in))
        for rule in ALL_RULES
    ]
