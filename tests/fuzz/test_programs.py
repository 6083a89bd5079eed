"""hypothesmith's programs, checked with the gate forced open: no exception anywhere, and every
fix offered compiles when applied alone (see `programs.failures`)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.programs import (
    FORCED_OPEN,
    describe,
    failures,
    grammar_programs,
    node_programs,
    workflow_programs,
)
from wfcheck.rules import ALL_RULES

pytestmark = [pytest.mark.fuzz, pytest.mark.filterwarnings("ignore::SyntaxWarning")]

# 2,000 programs in all; bench/fuzz.py runs more.
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_programs(programs: st.SearchStrategy[str], count: int) -> Counter[str]:
    """Check `count` programs; the codes of their findings."""
    codes: Counter[str] = Counter()

    @settings(FUZZ, max_examples=count)
    @given(programs)
    def check(program: str) -> None:
        found = failures(program, FORCED_OPEN, codes=codes)
        assert not found, describe(program, found)

    check()
    return codes


def test_programs_from_the_grammar() -> None:
    check_programs(grammar_programs(), 900)


def test_programs_from_the_grammar_as_workflow_code() -> None:
    """Names renamed to `context`, `run`, `time`..., in a route, a step, or a fixture."""
    codes = check_programs(workflow_programs(grammar_programs()), 800)
    # The rules ran on them: most rules found something.
    assert len(codes) >= len(ALL_RULES) // 2, codes


def test_programs_from_nodes_as_workflow_code() -> None:
    codes = check_programs(workflow_programs(node_programs()), 300)
    assert len(codes) >= 5, codes


# Programs the fuzzing once broke an invariant on, kept as they were found (reduced).
FOUND = {
    # A mutant: `await` in a plain def is a compile error; the wrap fix dropped the `await`
    # and so changed which error the file has.
    "await in a plain def": (
        "def has_attachment(folder, name):\n"
        '    await context.run("weekly", lambda: name)\n'
        "\n\n"
        "class Mailer:\n"
        "    return folder\n"
    ),
}


@pytest.mark.parametrize("program", FOUND.values(), ids=FOUND.keys())
def test_what_the_fuzzing_found_stays_fixed(program: str) -> None:
    found = failures(program, FORCED_OPEN)
    assert not found, describe(program, found)
