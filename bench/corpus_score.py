"""Precision and recall of the engine on a labelled corpus of workflow modules.

    .venv/bin/python bench/corpus_score.py                      # tests/corpus/realistic
    .venv/bin/python bench/corpus_score.py path/to/corpus       # another labelled folder
    .venv/bin/python bench/corpus_score.py --quiet              # totals only

Every `.py` file under the folder is checked in-process with `wfcheck.engine.check_source`
and the settings `wfcheck check` would use for it (its nearest `[tool.wfcheck]` table, per-file
ignores included; default settings without one, so only default rules run; `# noqa` comments
are applied as on every surface), with its project's modules followed as `wfcheck check FOLDER`
follows them (the project of each file: its nearest `pyproject.toml`, as `project.layout`
finds it).
Labels are trailing comments on the line where a finding is expected, `# expect: UWF101` or
`# expect: UWF101, UWF105` (a `:column` suffix, as in the fixtures, is accepted and
ignored). Findings and labels are compared as (file, line, code), counting
repeats: two UWF103 findings on a line labelled once give one false alarm.

Printed: each file's misses (labelled, not found) and false alarms (found, not labelled)
with the source line, then per-code and overall true positives, false negatives, false
positives, precision and recall. A measurement, not a test: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import sys
import tokenize
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the labels are read as the fixtures' are

from tests.expectations import parse_expectations  # noqa: E402
from wfcheck.config import settings_for_file  # noqa: E402
from wfcheck.engine import check_source  # noqa: E402
from wfcheck.project.index import shared_index  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "corpus" / "realistic"


@dataclass
class FileScore:
    path: Path
    lines: list[str]
    missed: list[tuple[int, str]] = field(default_factory=list)
    false_alarms: list[tuple[int, str, str]] = field(default_factory=list)
    true_positives: list[tuple[int, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_labels(text: str) -> tuple[Counter[tuple[int, str]], list[str]]:
    """The expected (line, code) pairs of a module, and why they could not be read."""
    try:
        expected = parse_expectations(text)
    except (ValueError, tokenize.TokenError, SyntaxError) as error:
        return Counter(), [str(error)]
    return Counter((item.line, item.code) for item in expected), []


def score_file(path: Path, root: Path) -> FileScore:
    settings = settings_for_file(path)
    text = path.read_text(encoding="utf-8")
    score = FileScore(path, text.splitlines())
    labels, score.problems = parse_labels(text)
    project = shared_index(path, settings.detection, (root,))
    report = check_source(text, settings, filename=str(path), project=project)
    if report.syntax_error is not None:
        issue = report.syntax_error
        score.problems.append(f"syntax error at line {issue.line}: {issue.message}")
    if report.analysis_error is not None:
        score.problems.append(f"analysis error: {report.analysis_error}")
    found: Counter[tuple[int, str]] = Counter()
    messages: dict[tuple[int, str], list[str]] = {}
    for diagnostic in report.diagnostics:
        key = (diagnostic.line, diagnostic.code)
        found[key] += 1
        messages.setdefault(key, []).append(diagnostic.message)
    for key in sorted(labels | found):
        matched = min(labels[key], found[key])
        score.true_positives.extend([key] * matched)
        score.missed.extend([key] * (labels[key] - matched))
        extra = messages.get(key, [])[matched:]
        score.false_alarms.extend((key[0], key[1], message) for message in extra)
    return score


def _source_line(score: FileScore, line: int) -> str:
    if 1 <= line <= len(score.lines):
        return score.lines[line - 1].strip()
    return ""


def print_file(score: FileScore, root: Path) -> None:
    if not (score.missed or score.false_alarms or score.problems):
        return
    print(f"\n{score.path.relative_to(root)}")
    for problem in score.problems:
        print(f"  problem      {problem}")
    for line, code in score.missed:
        print(f"  miss         {line:4d} {code}  | {_source_line(score, line)}")
    for line, code, message in score.false_alarms:
        print(f"  false alarm  {line:4d} {code}  | {_source_line(score, line)}")
        print(f"               {'':4s} {'':6s}  > {message}")


def _ratio(numerator: int, denominator: int) -> str:
    return f"{numerator / denominator:.3f}" if denominator else "n/a"


def print_totals(scores: list[FileScore]) -> None:
    per_code: dict[str, Counter[str]] = {}
    for score in scores:
        for _, code in score.true_positives:
            per_code.setdefault(code, Counter())["tp"] += 1
        for _, code in score.missed:
            per_code.setdefault(code, Counter())["fn"] += 1
        for _, code, _ in score.false_alarms:
            per_code.setdefault(code, Counter())["fp"] += 1
    print("\nper code        tp   fn   fp")
    for code in sorted(per_code):
        counts = per_code[code]
        print(f"  {code}      {counts['tp']:4d} {counts['fn']:4d} {counts['fp']:4d}")
    tp = sum(len(score.true_positives) for score in scores)
    fn = sum(len(score.missed) for score in scores)
    fp = sum(len(score.false_alarms) for score in scores)
    problems = sum(len(score.problems) for score in scores)
    clean = sum(1 for score in scores if not (score.missed or score.false_alarms))
    print(f"\nfiles: {len(scores)} ({clean} exact), labels: {tp + fn}, findings: {tp + fp}")
    if problems:
        print(f"problems (bad labels, syntax or analysis errors): {problems}")
    print(f"true positives:  {tp}")
    print(f"false negatives: {fn}")
    print(f"false positives: {fp}")
    print(f"precision: {_ratio(tp, tp + fp)}")
    print(f"recall:    {_ratio(tp, tp + fn)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args(argv)
    root: Path = args.corpus.resolve()
    if not root.is_dir():
        print(f"not a folder: {root}", file=sys.stderr)
        return 0
    scores = [score_file(path, root) for path in sorted(root.rglob("*.py"))]
    if not args.quiet:
        for score in scores:
            print_file(score, root)
    print_totals(scores)
    return 0


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # piped into `head`
        sys.stderr.close()
    sys.exit(0)
