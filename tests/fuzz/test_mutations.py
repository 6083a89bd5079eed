"""Mutants of every file of tests/fixtures/ and examples/: the context's name dropped into every
expression position of the grammar, existing expressions replaced by it, lines deleted,
duplicated and swapped. Each mutant that parses is checked with the gate forced open and with
the normal gate: no exception anywhere, and every fix offered compiles when applied alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.programs import (
    FORCED_OPEN,
    NORMAL_GATE,
    ROOT,
    TEMPLATES,
    Mutant,
    corpus_files,
    describe,
    failures,
    mutations_of,
)

pytestmark = [pytest.mark.fuzz, pytest.mark.filterwarnings("ignore::SyntaxWarning")]

FILES = corpus_files()
# Per file; with the templates' test below, about 1,700 mutants in all. bench/fuzz.py runs
# every mutation.
MUTANTS_PER_FILE = 15


def assert_keeps_the_invariants(mutant: Mutant, path: Path) -> None:
    assert mutant.text is not None
    found = failures(mutant.text, FORCED_OPEN)
    found += failures(mutant.text, NORMAL_GATE, thorough=False)
    where = f"{path.relative_to(ROOT)}, {mutant.kind} {mutant.where}"
    assert not found, f"{where}: {describe(mutant.text, found)}"


def test_the_corpus_is_there() -> None:
    assert len(FILES) > 90
    assert {path.parent.name for path in FILES} >= {"examples", "caveats", "clean", "sources"}


@pytest.mark.parametrize("path", FILES, ids=[str(path.relative_to(ROOT)) for path in FILES])
def test_mutants_of_the_file(path: Path) -> None:
    mutations = mutations_of(path)

    @settings(
        max_examples=MUTANTS_PER_FILE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(mutations.strategy())
    def check(descriptor: tuple[str, int, int]) -> None:
        mutant = mutations.parsing_mutant(*descriptor)
        if mutant.text is not None:  # a mutant that does not parse has nothing to check
            assert_keeps_the_invariants(mutant, path)

    check()


def test_every_template_in_a_workflow() -> None:
    """Each template once, at the start of the first function with a context in scope, in the
    files taken in turn: every expression position, in every run."""
    candidates = [path for path in FILES if len(mutations_of(path).points) > 1]
    parsed = 0
    for index in range(len(TEMPLATES)):
        path = candidates[index % len(candidates)]
        mutant = mutations_of(path).mutant("insert", index, len(mutations_of(path).names))
        if mutant.text is not None:
            parsed += 1
            assert_keeps_the_invariants(mutant, path)
    # All but the templates of newer Pythons' syntax (`type X = ...`, `def f[T]()`) parse.
    assert parsed >= len(TEMPLATES) - 2
