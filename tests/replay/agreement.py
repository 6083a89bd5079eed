"""Does the checker flag exactly the workflows that misbehave when replayed?

For every replayable fixture: the checker's verdict (its findings, or clean) and the runtime
verdict (how the replay misbehaved, or "finished right" for the scenario's intent). They agree
when a fixture is flagged exactly when it misbehaves. A flagged fixture that the checker
misses because its rule is not in `wfcheck.rules.RULES_BY_CODE` yet is a disagreement
explained as "rule not implemented yet"; every other disagreement is unexplained.

    .venv/bin/python -m tests.replay.agreement

prints the table and exits with 1 when a disagreement is unexplained.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from tests.expectations import compare, parse_expectations
from tests.replay.harness import Replay, workflow_path
from tests.replay.scenarios import SCENARIOS, Scenario, misbehavior, replayed
from wfcheck.engine import check_source
from wfcheck.rules import RULES_BY_CODE

NOT_IMPLEMENTED = "rule not implemented yet"


@dataclass(frozen=True)
class Row:
    fixture: str
    expected: tuple[str, ...]  # the codes of its `# expect:` comments
    findings: tuple[tuple[int, str], ...]  # (line, code), as the checker reports them
    runtime: str | None  # how the replay misbehaved; None when it finished right
    expectation_problems: tuple[str, ...] = ()

    @property
    def agrees(self) -> bool:
        return bool(self.findings) == (self.runtime is not None)

    @property
    def not_implemented(self) -> tuple[str, ...]:
        return tuple(code for code in self.expected if code not in RULES_BY_CODE)

    @property
    def explanation(self) -> str | None:
        """Why the checker and the runtime disagree, when that is known."""
        if self.agrees or not self.expected:
            return None
        if not self.findings and set(self.expected) == set(self.not_implemented):
            return f"{NOT_IMPLEMENTED}: {', '.join(self.not_implemented)}"
        return None

    def cells(self) -> tuple[str, str, str, str]:
        checker = " ".join(f"{code}:{line}" for line, code in self.findings) or "clean"
        runtime = "finished right" if self.runtime is None else f"misbehaved: {self.runtime}"
        verdict = "agree" if self.agrees else f"DISAGREE ({self.explanation or 'unexplained'})"
        return self.fixture, checker, _shorten(runtime, 96), verdict


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def checker_findings(
    fixture: str,
) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...], list[str]]:
    """The expected codes, the checker's findings and the differences between them."""
    path = workflow_path(fixture)
    text = path.read_text("utf-8")
    report = check_source(text, filename=str(path))
    findings = [(d.line, d.column + 1, d.code) for d in report.diagnostics]
    expected = parse_expectations(text)
    return (
        tuple(e.code for e in expected),
        tuple((line, code) for line, _, code in findings),
        compare(expected, findings),
    )


def unexplained(problems: list[str] | tuple[str, ...]) -> list[str]:
    """Differences from the `# expect:` comments, but for the findings of missing rules."""
    return [
        problem
        for problem in problems
        if not (problem.startswith("missing ") and problem.split()[1] not in RULES_BY_CODE)
    ]


def flagged_and_fixed(name: str) -> tuple[list[Replay], Replay]:
    """The replays of a scenario, once the checker and the runtime verdicts are as they should be.

    The checker finds exactly the `# expect:` findings of each flagged fixture (but for rules
    not implemented yet) and nothing in the corrected twin; each flagged fixture misbehaves and
    the twin finishes right.
    """
    scenario = SCENARIOS[name]
    for fixture in scenario.fixtures:
        expected, _, problems = checker_findings(fixture)
        assert bool(expected) == (fixture in scenario.flagged), f"{fixture}: expects {expected}"
        assert unexplained(problems) == [], f"{fixture}: {problems}"
    flagged = [replayed(fixture) for fixture in scenario.flagged]
    for result in flagged:
        assert misbehavior(result, scenario.intent) is not None, result
    fixed = replayed(scenario.fixed)
    assert misbehavior(fixed, scenario.intent) is None, fixed
    return flagged, fixed


def row(fixture: str, scenario: Scenario) -> Row:
    expected, findings, problems = checker_findings(fixture)
    runtime = misbehavior(replayed(fixture), scenario.intent)
    return Row(fixture, expected, findings, runtime, tuple(problems))


def rows() -> list[Row]:
    return [
        row(fixture, scenario) for scenario in SCENARIOS.values() for fixture in scenario.fixtures
    ]


def table(all_rows: list[Row]) -> str:
    header = ("fixture", "checker", "runtime", "verdict")
    cells = [header, *(r.cells() for r in all_rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(3)]
    lines = ["  ".join(c[i].ljust(widths[i]) for i in range(3)) + "  " + c[3] for c in cells]
    lines.insert(1, "-" * len(lines[0]))
    disagreeing = [r for r in all_rows if not r.agrees]
    unexplained = [r for r in disagreeing if r.explanation is None]
    lines.append("")
    lines.append(
        f"{len(all_rows)} fixtures, {len(disagreeing)} disagreements "
        f"({len(disagreeing) - len(unexplained)} explained, {len(unexplained)} unexplained)"
    )
    lines += [
        f"checker vs `# expect:` in {r.fixture}: {', '.join(r.expectation_problems)}"
        for r in all_rows
        if r.expectation_problems
    ]
    return "\n".join(lines)


def main() -> int:
    all_rows = rows()
    print(table(all_rows))
    return 1 if any(not r.agrees and r.explanation is None for r in all_rows) else 0


if __name__ == "__main__":
    sys.exit(main())
