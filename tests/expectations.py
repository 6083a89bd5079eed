"""Expected findings written as comments on fixture lines, in the style of flake8-async.

`# expect: UWF101` expects a UWF101 finding on that line; `# expect: UWF101:12` also fixes its
column (1-based, as flake8 and `wfcheck check` print it). Several are separated by commas.
Every finding must be expected and every expectation found.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections import Counter
from dataclasses import dataclass

_EXPECT = re.compile(r"#\s*expect:\s*(?P<items>.+)$")
_ITEM = re.compile(r"^(?P<code>UWF\d{3})(?::(?P<column>\d+))?$")


@dataclass(frozen=True)
class Expected:
    line: int
    code: str
    column: int | None


def parse_expectations(text: str) -> list[Expected]:
    expected = []
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        match = _EXPECT.search(token.string)
        if match is None:
            continue
        for item in match["items"].split(","):
            parsed = _ITEM.match(item.strip())
            if parsed is None:
                raise ValueError(f"line {token.start[0]}: bad expectation {item.strip()!r}")
            column = int(parsed["column"]) if parsed["column"] else None
            expected.append(Expected(token.start[0], parsed["code"], column))
    return expected


def compare(expected: list[Expected], actual: list[tuple[int, int, str]]) -> list[str]:
    """Differences between expectations and `(line, 1-based column, code)` findings."""
    problems = []
    unmatched = list(actual)
    for expectation in expected:
        match = next(
            (
                finding
                for finding in unmatched
                if finding[0] == expectation.line
                and finding[2] == expectation.code
                and expectation.column in (None, finding[1])
            ),
            None,
        )
        if match is None:
            where = f"{expectation.line}:{expectation.column or '*'}"
            problems.append(f"missing {expectation.code} at {where}")
        else:
            unmatched.remove(match)
    problems.extend(f"unexpected {code} at {line}:{column}" for line, column, code in unmatched)
    return problems


def counts(findings: list[tuple[int, int, str]]) -> Counter[str]:
    return Counter(code for _, _, code in findings)
