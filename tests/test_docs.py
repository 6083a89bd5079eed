"""The rule catalog and pages are generated from the rule modules, current, Ruff-shaped and
true: each example is flagged, each correction is clean, each fix column holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import fixture_files
from wfcheck.diagnostics import Diagnostic
from wfcheck.docs import catalog_markdown, catalog_path, rule_doc_path, rule_markdown
from wfcheck.engine import check_source
from wfcheck.rule import FixAvailability, Rule
from wfcheck.rules import ALL_RULES
from wfcheck.settings import RuleSelection, Settings

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ["## What it does", "## Why is this bad?", "## Example", "Use instead:", "## Fix safety"]
PRELUDE = """\
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

serve = Serve(FastAPI())
"""
RULE_IDS = [rule.code for rule in ALL_RULES]
EVERY_RULE = Settings(selection=RuleSelection(select=("ALL",), extend_select=tuple(RULE_IDS)))


def test_the_catalog_is_current() -> None:
    assert catalog_path(ROOT).read_text(encoding="utf-8") == catalog_markdown(), (
        "run `python -m wfcheck.docs` to regenerate docs/rules"
    )


def test_the_catalog_names_each_rule_once_in_code_order() -> None:
    row = r"^\| \[(UWF\d{3})\]\(UWF\d{3}\.md\) \| ([a-z-]+) \|"
    rows = re.findall(row, catalog_markdown(), re.M)
    assert rows == [(rule.code, rule.name) for rule in ALL_RULES]
    assert sorted(RULE_IDS) == RULE_IDS


@pytest.fixture(scope="module")
def every_finding() -> dict[str, list[Diagnostic]]:
    """Every rule's findings on every fixture and example, all rules enabled."""
    found: dict[str, list[Diagnostic]] = {code: [] for code in RULE_IDS}
    for path in [*fixture_files("."), *sorted((ROOT / "examples").glob("*.py"))]:
        for diagnostic in check_source(path.read_text(), EVERY_RULE).diagnostics:
            found[diagnostic.code].append(diagnostic)
    return found


@pytest.mark.parametrize("rule", ALL_RULES, ids=RULE_IDS)
def test_the_fix_column_is_what_the_rule_does(
    rule: type[Rule], every_finding: dict[str, list[Diagnostic]]
) -> None:
    findings = every_finding[rule.code]
    assert findings, f"no fixture shows {rule.code}"
    fixes = [finding.fix for finding in findings if finding.fix is not None]
    if rule.fix_availability is FixAvailability.NONE:
        assert fixes == []
        return
    assert fixes, f"no fixture shows the fix of {rule.code}"
    assert {fix.applicability for fix in fixes} == {rule.fix_applicability}
    if rule.fix_availability is FixAvailability.ALWAYS:
        assert len(fixes) == len(findings)
    else:
        assert len(fixes) < len(findings), f"{rule.code} always has a fix on the fixtures"


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
