"""Rule metadata follows the spec's catalog; the docs are Ruff-shaped, current and true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wfcheck.docs import rule_doc_path, rule_markdown
from wfcheck.engine import check_source
from wfcheck.rule import Rule
from wfcheck.rules import ALL_RULES
from wfcheck.settings import RuleSelection, Settings

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT.parent / "shared" / "spec" / "rules.md"
SECTIONS = ["## What it does", "## Why is this bad?", "## Example", "Use instead:", "## Fix safety"]
PRELUDE = """\
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())
"""


def spec_catalog() -> dict[str, tuple[str, str]]:
    """code -> (name, severity column) from the spec's rule table."""
    rows = re.findall(r"^\| (UWF\d{3}) \| ([a-z-]+) \| ([^|]+) \|", SPEC.read_text(), re.M)
    return {code: (name, severity.strip()) for code, name, severity in rows}


RULE_IDS = [rule.code for rule in ALL_RULES]


@pytest.mark.parametrize("rule", ALL_RULES, ids=RULE_IDS)
def test_rule_matches_the_spec_catalog(rule: type[Rule]) -> None:
    name, severity = spec_catalog()[rule.code]
    assert rule.name == name
    assert severity.split(",")[0] == rule.severity.value
    assert ("opt-in" in severity) == rule.opt_in


def test_codes_are_unique() -> None:
    assert len(RULE_IDS) == len(set(RULE_IDS))


@pytest.mark.parametrize("rule", ALL_RULES, ids=RULE_IDS)
def test_documentation_has_ruffs_sections_in_order(rule: type[Rule]) -> None:
    text = rule.documentation()
    positions = [text.find(section) for section in SECTIONS]
    assert -1 not in positions, positions
    assert positions == sorted(positions)


@pytest.mark.parametrize("rule", ALL_RULES, ids=RULE_IDS)
def test_generated_docs_are_current(rule: type[Rule]) -> None:
    path = rule_doc_path(ROOT, rule)
    assert path.read_text(encoding="utf-8") == rule_markdown(rule), (
        "run `python -m wfcheck.docs` to regenerate docs/rules"
    )


def code_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, re.S)


def findings_of(code: str, rule: type[Rule]) -> list[str]:
    if "upstash_workflow" not in code:
        code = PRELUDE + code
    settings = Settings(selection=RuleSelection(extend_select=(rule.code,)))
    report = check_source(code, settings)
    assert report.syntax_error is None
    return [diagnostic.code for diagnostic in report.diagnostics]


@pytest.mark.parametrize("rule", ALL_RULES, ids=RULE_IDS)
def test_example_is_flagged_and_its_correction_is_clean(rule: type[Rule]) -> None:
    text = rule.documentation()
    example, _, correction = text.partition("Use instead:")
    assert rule.code in findings_of(code_blocks(example)[-1], rule)
    assert findings_of(code_blocks(correction)[0], rule) == []
