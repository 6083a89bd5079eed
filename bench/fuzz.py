"""The fuzz tests' generators at larger counts: every invariant of tests/fuzz/, on more programs.

    .venv/bin/python bench/fuzz.py                     # 10,000 programs (seed 0), every mutant
    .venv/bin/python bench/fuzz.py --seed 7            # other programs
    .venv/bin/python bench/fuzz.py --programs 500 --mutants 0.02    # a quick run

Programs come from hypothesmith, as in tests/fuzz/test_programs.py: half from the grammar as
they are, a third from the grammar made to look like workflow code (names renamed to
`context`, `run`, `time`..., after the SDK's imports, in a route or a step), the rest from
libcst's nodes made to look like workflow code. Each program is checked with the gate forced
open. Mutants are those of tests/fuzz/test_mutations.py, every one of them by default (about
120,000, of which about two thirds parse), checked with the gate forced open and with the
normal gate. The invariants are `tests.fuzz.programs.failures`: no exception, no internal
error, every fix offered compiles when applied alone, `--fix` rejects no fix.

Printed: what was checked, per generator; then each distinct failure (by where it was raised,
or by the rule whose fix breaks the code) with its count, one place it was found, and a
reproducer reduced line by line. Exits 1 when anything failed, else 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.fuzz, when run as `python bench/fuzz.py`

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzz.programs import (  # noqa: E402
    FORCED_OPEN,
    NORMAL_GATE,
    corpus_files,
    failures,
    grammar_programs,
    mutations_of,
    node_programs,
    reduce,
    same_failure,
    workflow_programs,
)

DEFAULT_PROGRAMS = 10_000
# The share of the programs each generator makes.
GENERATORS = {
    "grammar": 0.50,
    "grammar as workflow code": 0.35,
    "nodes as workflow code": 0.15,
}
SETTINGS = {"forced open": FORCED_OPEN, "normal gate": NORMAL_GATE}


def strategy(generator: str) -> st.SearchStrategy[str]:
    if generator == "grammar":
        return grammar_programs()
    if generator == "grammar as workflow code":
        return workflow_programs(grammar_programs())
    return workflow_programs(node_programs())


@dataclass
class Found:
    """A failure: its signature, and the program and settings it was found with."""

    signature: str
    detail: str
    origin: str
    text: str
    gate: str


@dataclass
class Tally:
    checked: int = 0
    skipped: int = 0  # mutants that do not parse
    distinct: set[int] = field(default_factory=set)
    found: list[Found] = field(default_factory=list)

    def merge(self, other: Tally) -> None:
        self.checked += other.checked
        self.skipped += other.skipped
        self.distinct |= other.distinct
        self.found += other.found


def check(text: str, origin: str, tally: Tally, gates: tuple[str, ...]) -> None:
    tally.checked += 1
    tally.distinct.add(hash(text))
    for gate in gates:
        thorough = gate == "forced open"
        for failure in failures(text, SETTINGS[gate], thorough=thorough):
            tally.found.append(Found(failure.signature, failure.detail, origin, text, gate))


def run_programs(generator: str, count: int, seed_value: int) -> Tally:
    """`count` programs of one generator; failures are collected, never raised, so that the
    run goes on (hypothesis neither stops nor shrinks)."""
    tally = Tally()
    if count <= 0:
        return tally

    @seed(seed_value)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy(generator))
    def run(program: str) -> None:
        check(
            program,
            f"{generator} #{tally.checked + 1} (seed {seed_value})",
            tally,
            ("forced open",),
        )

    warnings.simplefilter("ignore")
    run()
    return tally


def run_mutants(path: Path, share: float, seed_value: int) -> Tally:
    """The file's mutants (every `1/share`-th one of its list, from one the seed picks), with
    both gates."""
    tally = Tally()
    warnings.simplefilter("ignore")
    mutations = mutations_of(path)
    listed = mutations.descriptors()
    step = max(1, round(1 / share)) if share > 0 else 0
    for descriptor in listed[seed_value % step :: step] if step else ():
        mutant = mutations.mutant(*descriptor)
        if mutant.text is None:
            tally.skipped += 1
            continue
        origin = f"{path.relative_to(ROOT)}: {mutant.kind} {mutant.where}"
        check(mutant.text, origin, tally, ("forced open", "normal gate"))
    return tally


def jobs_of(args: argparse.Namespace) -> Iterator[tuple[str, object, tuple[object, ...]]]:
    """(generator, function, arguments) of every job, the programs split across `--jobs`."""
    for index, (generator, share) in enumerate(GENERATORS.items()):
        total = round(args.programs * share)
        for job in range(args.jobs):
            count = total // args.jobs + (job < total % args.jobs)
            job_seed = args.seed * 1000 + index * 100 + job
            yield generator, run_programs, (generator, count, job_seed)
    for path in corpus_files():
        yield "mutants", run_mutants, (path, args.mutants, args.seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--programs", type=int, default=DEFAULT_PROGRAMS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--mutants", type=float, default=1.0, help="the share of the mutants to check (1: all)"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-reduce", action="store_true", help="show failing programs as found")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    tallies: dict[str, Tally] = {}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [
            (generator, pool.submit(function, *arguments))  # type: ignore[operator]
            for generator, function, arguments in jobs_of(args)
        ]
        for generator, future in futures:
            tallies.setdefault(generator, Tally()).merge(future.result())
    elapsed = time.perf_counter() - started

    print(f"{'generator':<26} {'checked':>8} {'distinct':>8} {'no parse':>8} {'failures':>8}")
    print("-" * 62)
    for generator, tally in tallies.items():
        print(
            f"{generator:<26} {tally.checked:>8} {len(tally.distinct):>8} "
            f"{tally.skipped:>8} {len(tally.found):>8}"
        )
    print(f"\n{sum(t.checked for t in tallies.values())} programs checked in {elapsed:.0f} s")

    by_signature: dict[str, list[Found]] = {}
    for tally in tallies.values():
        for found in tally.found:
            by_signature.setdefault(found.signature, []).append(found)
    if not by_signature:
        print("no failure")
        return 0
    print(f"\n{len(by_signature)} distinct failure(s):")
    for signature, found in sorted(by_signature.items(), key=lambda item: -len(item[1])):
        smallest = min(found, key=lambda item: len(item.text))
        text = smallest.text
        if not args.no_reduce:
            text = reduce(text, same_failure({signature}, SETTINGS[smallest.gate]))
        print(f"\n=== {signature}  ({len(found)} program(s); gate {smallest.gate})")
        print(f"first found in: {found[0].origin}")
        print(f"detail: {smallest.detail}")
        print("reproducer:")
        print("".join(f"    {line}" for line in text.splitlines(keepends=True)).rstrip())
    return 1


if __name__ == "__main__":
    sys.exit(main())
