"""The engine's analysis time over `ast.parse` time, on the same texts, from one run.

    .venv/bin/python bench/engine_speed.py            # full run (about a minute and a half)
    .venv/bin/python bench/engine_speed.py --quick    # a sample, for a smoke run

For each file the script times `ast.parse(text)` and `check_source(text)` (the engine on the
text, its own parse included) in the same process, interleaved: parse, engine, parse, engine,
... for `--repeat` rounds, alternating which goes first, and keeps each one's minimum (the
least disturbed run on a shared machine). Garbage collection is handled the same way for both:
everything loaded before the timing is frozen out of the collector (`gc.freeze`), a collection
runs before each timed call (untimed, so each starts from the same state), the collector
stays enabled while timing, as in a real run (`--no-gc` disables it around each timed call),
and each timing ends with a collection: what a call leaves in reference cycles costs it.

Corpora:
  stdlib     every .py file of the installed standard library (site-packages skipped, files
             that do not decode or parse skipped); almost none of them imports the SDK, so
             this measures the cost of the workflow gate on ordinary code;
  workflows  the generated corpus of FastAPI/Flask workflow modules (bench/generate_workflows.py,
             seeded); this is the project's measure of analysis speed;
  stdlib-assume
             the standard library again with the gate forced open (`assume_workflows`): every
             module is workflow code and every function with a first parameter a workflow.
             Extra information about the whole model's cost on code of every shape.
  rebinding  one generated FastAPI module that binds `serve = Serve(app)` again before each
             route, at several numbers of routes: the cost of a name bound many times, which
             should grow as parsing does (linearly).

Printed per corpus: files, lines, the summed per-file parse and engine times, their ratio
(engine seconds / parse seconds), and the median of the per-file ratios; then, for the
rebinding corpus, each size and the log-log slopes of parse and engine time over lines (1 is
linear growth, 2 quadratic). No network, no timing assertions.
"""

from __future__ import annotations

import argparse
import ast
import functools
import gc
import io
import math
import random
import statistics
import sys
import sysconfig
import time
import tokenize
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # generate_workflows, when run as `python bench/engine_speed.py`

from generate_workflows import (  # noqa: E402
    DEFAULT_COUNT,
    DEFAULT_SEED,
    generate_corpus,
    generate_rebinding_module,
)

from wfcheck.engine import check_source  # noqa: E402
from wfcheck.settings import DetectionSettings, Settings  # noqa: E402

QUICK_STDLIB_FILES = 150
QUICK_WORKFLOW_FILES = 60
REBINDING_ROUTES = (200, 400, 800, 1600)
QUICK_REBINDING_ROUTES = (100, 200, 400)
SAMPLE_SEED = 7
SLOWEST_SHOWN = 5


@dataclass
class Corpus:
    name: str
    files: list[tuple[str, str]]  # (name, text)


@dataclass
class FileTiming:
    name: str
    lines: int
    parse_ns: int
    engine_ns: int
    findings: int

    @property
    def ratio(self) -> float:
        return self.engine_ns / self.parse_ns if self.parse_ns else float("inf")


@dataclass
class Result:
    corpus: str
    timings: list[FileTiming] = field(default_factory=list)
    crashes: list[tuple[str, str]] = field(default_factory=list)  # (file, error)

    @property
    def lines(self) -> int:
        return sum(t.lines for t in self.timings)

    @property
    def parse_seconds(self) -> float:
        return sum(t.parse_ns for t in self.timings) / 1e9

    @property
    def engine_seconds(self) -> float:
        return sum(t.engine_ns for t in self.timings) / 1e9

    @property
    def ratio(self) -> float:
        return self.engine_seconds / self.parse_seconds if self.parse_seconds else float("nan")

    @property
    def median_ratio(self) -> float:
        return statistics.median(t.ratio for t in self.timings) if self.timings else float("nan")


def count_lines(text: str) -> int:
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


def decode(data: bytes) -> str:
    """The text as Python reads it (BOM, coding cookie, UTF-8)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding)


def stdlib_corpus(limit: int | None = None) -> tuple[Corpus, int]:
    """The parseable .py files of the standard library (a seeded sample of `limit` files, or
    all of them); also the number skipped."""
    root = Path(sysconfig.get_paths()["stdlib"])
    paths = [
        path
        for path in sorted(root.rglob("*.py"))
        if not {"site-packages", "dist-packages"} & set(path.relative_to(root).parts)
    ]
    if limit is not None and len(paths) > limit:
        paths = sorted(random.Random(SAMPLE_SEED).sample(paths, limit))
    files = []
    skipped = 0
    for path in paths:
        relative = path.relative_to(root)
        try:
            text = decode(path.read_bytes())
            ast.parse(text)
        except (OSError, SyntaxError, UnicodeDecodeError, LookupError, ValueError):
            skipped += 1
            continue
        files.append((str(relative), text))
    return Corpus("stdlib", files), skipped


def parse_and_discard(text: str) -> None:
    """`ast.parse(text)`, with the tree freed inside the timed call as the engine frees its own
    (freeing a large tree costs about a tenth of parsing it)."""
    ast.parse(text)


def timed(function: Callable[[], object], *, disable_gc: bool) -> tuple[int, object]:
    """Nanoseconds of one call and of the collection of what it leaves in reference cycles,
    and its value; every call starts right after a collection."""
    gc.collect()
    if disable_gc:
        gc.disable()
    try:
        start = time.perf_counter_ns()
        value = function()
        gc.collect()
        end = time.perf_counter_ns()
    finally:
        if disable_gc:
            gc.enable()
    return end - start, value


def measure(
    corpus: Corpus,
    variants: Sequence[tuple[str, Settings]],
    *,
    repeat: int,
    disable_gc: bool,
    progress: bool,
) -> list[Result]:
    """One result per engine variant, each against the same interleaved parse timings."""
    results = [Result(name) for name, _ in variants]
    total = len(corpus.files)
    for number, (name, text) in enumerate(corpus.files, 1):
        if progress and (number % 100 == 0 or number == total):
            print(f"  {corpus.name}: {number}/{total} files", file=sys.stderr, end="\r")
        best_parse = sys.maxsize
        best_engine = [sys.maxsize] * len(variants)
        findings = [0] * len(variants)
        crashed: set[int] = set()
        parse = functools.partial(parse_and_discard, text)
        engines = [functools.partial(check_source, text, settings) for _, settings in variants]
        for round_number in range(repeat):
            parse_first = round_number % 2 == 0
            if parse_first:
                best_parse = min(best_parse, timed(parse, disable_gc=disable_gc)[0])
            for index, engine in enumerate(engines):
                if index in crashed:
                    continue
                try:
                    elapsed, report = timed(engine, disable_gc=disable_gc)
                except Exception as error:  # a crash is a finding of the benchmark too
                    crashed.add(index)
                    results[index].crashes.append((name, f"{type(error).__name__}: {error}"))
                    continue
                best_engine[index] = min(best_engine[index], elapsed)
                findings[index] = len(report.diagnostics)
            if not parse_first:
                best_parse = min(best_parse, timed(parse, disable_gc=disable_gc)[0])
        lines = count_lines(text)
        for index, result in enumerate(results):
            if index not in crashed:
                result.timings.append(
                    FileTiming(name, lines, best_parse, best_engine[index], findings[index])
                )
    if progress:
        print(" " * 60, file=sys.stderr, end="\r")
    return results


def print_table(results: Sequence[Result]) -> None:
    header = (
        f"{'corpus':<15}{'files':>7}{'lines':>10}{'parse s':>10}{'engine s':>10}"
        f"{'ratio':>8}{'median':>8}{'findings':>10}"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        findings = sum(t.findings for t in result.timings)
        print(
            f"{result.corpus:<15}{len(result.timings):>7}{result.lines:>10}"
            f"{result.parse_seconds:>10.3f}{result.engine_seconds:>10.3f}"
            f"{result.ratio:>8.2f}{result.median_ratio:>8.2f}{findings:>10}"
        )


def rebinding_corpus(seed: int, sizes: Sequence[int]) -> Corpus:
    modules = [(f"{routes} routes", generate_rebinding_module(routes, seed)) for routes in sizes]
    return Corpus("rebinding", modules)


def log_log_slope(sizes: Sequence[float], times: Sequence[float]) -> float:
    """The exponent k of the best fit time = c * size**k: 1 for linear growth, 2 quadratic."""
    logs = [math.log(size) for size in sizes]
    return statistics.linear_regression(logs, [math.log(time) for time in times]).slope


def print_growth(result: Result) -> None:
    """The rebinding corpus size by size, and how parse and engine time grow with lines."""
    print(f"\n{result.corpus}: `serve = Serve(app)` bound again before each route")
    print(f"{'module':<15}{'lines':>10}{'parse ms':>10}{'engine ms':>11}{'ratio':>8}")
    for t in result.timings:
        print(
            f"{t.name:<15}{t.lines:>10}{t.parse_ns / 1e6:>10.1f}{t.engine_ns / 1e6:>11.1f}"
            f"{t.ratio:>8.2f}"
        )
    if len(result.timings) < 2:
        return
    lines = [t.lines for t in result.timings]
    parse = log_log_slope(lines, [t.parse_ns for t in result.timings])
    engine = log_log_slope(lines, [t.engine_ns for t in result.timings])
    print(
        "growth over lines (log-log slope; 1 linear, 2 quadratic): "
        f"parse {parse:.2f}, engine {engine:.2f}"
    )


def print_details(results: Sequence[Result]) -> None:
    for result in results:
        if result.crashes:
            print(f"\n{result.corpus}: the engine raised on {len(result.crashes)} files:")
            for name, error in result.crashes:
                print(f"  {name}: {error}")
        # The slowest files relative to their parse time, among files whose parse takes at
        # least 1 ms (below that, fixed per-call costs dominate the ratio).
        sizable = [t for t in result.timings if t.parse_ns >= 1_000_000]
        slowest = sorted(sizable, key=lambda t: t.ratio, reverse=True)[:SLOWEST_SHOWN]
        if slowest:
            print(f"\n{result.corpus}: highest ratios among files parsed in 1 ms or more:")
            for t in slowest:
                print(
                    f"  {t.ratio:6.2f}  {t.engine_ns / 1e6:8.2f} ms engine  "
                    f"{t.parse_ns / 1e6:7.2f} ms parse  {t.lines:>6} lines  {t.name}"
                )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Engine time over ast.parse time.")
    parser.add_argument("--quick", action="store_true", help="time a sample of each corpus")
    parser.add_argument("--repeat", type=int, help="timed rounds per file (default 3, quick 2)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument("--count", type=int, help=f"generated modules (default {DEFAULT_COUNT})")
    parser.add_argument("--no-gc", action="store_true", help="disable gc around timed calls")
    parser.add_argument("--details", action="store_true", help="list the slowest files")
    args = parser.parse_args(argv)
    repeat = args.repeat or (2 if args.quick else 3)
    count = args.count or (QUICK_WORKFLOW_FILES if args.quick else DEFAULT_COUNT)

    # SyntaxWarnings (invalid escapes in old stdlib files) would be printed by the bare
    # ast.parse and silenced by the engine: silence them for both.
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    stdlib, skipped = stdlib_corpus(QUICK_STDLIB_FILES if args.quick else None)
    workflows = Corpus("workflows", generate_corpus(args.seed, count))
    rebinding = rebinding_corpus(
        args.seed, QUICK_REBINDING_ROUTES if args.quick else REBINDING_ROUTES
    )
    gc.collect()
    gc.freeze()  # the corpora and the loaded modules are never collected again

    default = Settings()
    assume = Settings(detection=DetectionSettings(assume_workflows=True))
    options = {"repeat": repeat, "disable_gc": args.no_gc, "progress": sys.stderr.isatty()}
    workflow_result = measure(workflows, [("workflows", default)], **options)[0]
    rebinding_result = measure(rebinding, [("rebinding", default)], **options)[0]
    stdlib_result, assume_result = measure(
        stdlib, [("stdlib", default), ("stdlib-assume", assume)], **options
    )
    results = [stdlib_result, workflow_result, rebinding_result, assume_result]

    print(
        f"wfcheck engine speed: engine seconds / ast.parse seconds (Python "
        f"{sys.version.split()[0]}, min of {repeat} interleaved rounds per file, "
        f"gc {'disabled' if args.no_gc else 'enabled'} while timing"
        f"{', quick sample' if args.quick else ''})"
    )
    print(
        f"stdlib: {sysconfig.get_paths()['stdlib']} ({skipped} files skipped); "
        f"workflows: {count} modules generated with seed {args.seed}"
    )
    print()
    print_table(results)
    print_growth(rebinding_result)
    if args.details or any(r.crashes for r in results):
        print_details(results)
    print(f"\n({time.perf_counter() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
