"""The labelled corpora of tests/corpus/ (workflow code written by others from the spec alone,
`bench/corpus_score.py` measures precision and recall on them) as `wfcheck check` reports them
to a user: every label found, and nothing else. A corpus that a change stops scoring exactly
is a change of what users see on code like theirs."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.expectations import compare, parse_expectations

CORPORA = Path(__file__).resolve().parent / "corpus"
NAMES = sorted(path.name for path in CORPORA.iterdir() if path.is_dir())
_FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>UWF\d{3}) ")


def findings(corpus: Path) -> dict[Path, list[tuple[int, int, str]]]:
    """`wfcheck check .` in the corpus's folder, without the cache, one finding per line."""
    command = ("check", ".", "--no-cache", "--output-format", "concise")
    result = subprocess.run(
        (sys.executable, "-m", "wfcheck", *command),
        capture_output=True,
        text=True,
        cwd=corpus,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    found: dict[Path, list[tuple[int, int, str]]] = defaultdict(list)
    for line in result.stdout.splitlines():
        match = _FINDING.match(line)
        if match:
            location = (int(match["line"]), int(match["column"]), match["code"])
            found[(corpus / match["path"]).resolve()].append(location)
    return found


@pytest.mark.parametrize("name", NAMES)
def test_the_command_line_reports_exactly_the_labels_of_the_corpus(name: str) -> None:
    corpus = CORPORA / name
    found = findings(corpus)
    differences = {}
    for path in sorted(corpus.rglob("*.py")):
        expected = parse_expectations(path.read_text("utf-8"))
        difference = compare(expected, found.pop(path.resolve(), []))
        if difference:
            differences[str(path.relative_to(corpus))] = difference
    assert differences == {}
    assert found == {}, "findings outside the corpus's files"
