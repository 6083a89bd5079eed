"""Rule documentation rendered from the rule modules' docstrings.

`wfcheck rule` prints it and `python -m wfcheck.docs` writes `docs/rules/UWFnnn.md`; a test keeps
the files in step with the docstrings.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wfcheck.rule import Rule
from wfcheck.rules import ALL_RULES

DOCS_FOLDER = Path("docs") / "rules"


def rule_markdown(rule: type[Rule]) -> str:
    opt_in = ", opt-in" if rule.opt_in else ""
    return (
        f"# {rule.name} ({rule.code})\n\nSeverity: {rule.severity.value}{opt_in}\n\n"
        f"{rule.documentation()}\n"
    )


def rule_doc_path(root: Path, rule: type[Rule]) -> Path:
    return root / DOCS_FOLDER / f"{rule.code}.md"


def write_rule_docs(root: Path) -> list[Path]:
    written = []
    for rule in ALL_RULES:
        path = rule_doc_path(root, rule)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rule_markdown(rule), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_rule_docs(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(written_path)
