"""Rule documentation rendered from the rule modules' docstrings and metadata.

`wfcheck rule` prints it and `python -m wfcheck.docs` writes `docs/rules/UWFnnn.md` and the
catalog `docs/rules/README.md`; a test keeps the files in step with the rule modules.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wfcheck.rule import FixAvailability, Rule
from wfcheck.rules import ALL_RULES

DOCS_FOLDER = Path("docs") / "rules"
PROJECT_URL = "https://github.com/wfcheck/wfcheck"
# Where a finding's `url` points: `docs-url` in [tool.wfcheck] replaces it. `{code}` and
# `{name}` stand for the rule's code and name.
DEFAULT_DOCS_URL = f"{PROJECT_URL}/blob/main/docs/rules/{{code}}.md"


def rule_url(code: str, name: str, template: str | None = None) -> str:
    """The URL of a rule's page under the configured template (default: the generated
    `docs/rules/UWFnnn.md` in the project's repository)."""
    return (template or DEFAULT_DOCS_URL).replace("{code}", code).replace("{name}", name)


def rule_markdown(rule: type[Rule]) -> str:
    opt_in = ", opt-in" if rule.opt_in else ""
    return (
        f"# {rule.name} ({rule.code})\n\nSeverity: {rule.severity.value}{opt_in}\n\n"
        f"{rule.documentation()}\n"
    )


def rule_doc_path(root: Path, rule: type[Rule]) -> Path:
    return root / DOCS_FOLDER / f"{rule.code}.md"


def catalog_path(root: Path) -> Path:
    return root / DOCS_FOLDER / "README.md"


def fix_description(rule: type[Rule]) -> str:
    """`safe`, `unsafe, sometimes`, `display only`... or `none`."""
    applicability = rule.fix_applicability
    if rule.fix_availability is FixAvailability.NONE or applicability is None:
        return "none"
    safety = applicability.value.replace("-", " ").replace("_", " ")
    sometimes = rule.fix_availability is FixAvailability.SOMETIMES
    return f"{safety}, sometimes" if sometimes else safety


def catalog_markdown() -> str:
    """The rule catalog: code, name, severity, default or opt-in, fix, and what it flags."""
    rows = [
        "# Rules\n",
        "Generated from the rule modules by `python -m wfcheck.docs`; each code links to the",
        "rule's page. Opt-in rules run only when selected by their full code.\n",
        "| Code | Name | Severity | Default | Fix | What it does |",
        "|---|---|---|---|---|---|",
    ]
    for rule in ALL_RULES:
        default = "opt-in" if rule.opt_in else "on"
        rows.append(
            f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.severity.value} | "
            f"{default} | {fix_description(rule)} | {rule.summary()} |"
        )
    return "\n".join(rows) + "\n"


def write_rule_docs(root: Path) -> list[Path]:
    index = catalog_path(root)
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(catalog_markdown(), encoding="utf-8")
    written = [index]
    for rule in ALL_RULES:
        path = rule_doc_path(root, rule)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rule_markdown(rule), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_rule_docs(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(written_path)
