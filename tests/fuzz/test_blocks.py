"""The language server's parser under random edit sequences: after every edit, `BlockParser`
gives the tree (positions included) or the syntax error of parsing the whole text, starting
from the fixtures and the examples."""

from __future__ import annotations

import ast
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.programs import corpus_files
from wfcheck.blocks import BlockParser
from wfcheck.engine import parse

pytestmark = [pytest.mark.fuzz, pytest.mark.filterwarnings("ignore::SyntaxWarning")]

FILES = [path.read_text("utf-8") for path in corpus_files()]
FUTURE = "from __future__ import annotations\n"
# Each file, and runs of four files one after the other (their future imports dropped): long
# texts, where an edit leaves most blocks as they were.
TEXTS = FILES + [
    FILES[start] + "".join(text.replace(FUTURE, "") for text in FILES[start + 1 : start + 4])
    for start in range(0, len(FILES) - 3, 2)
]
# Whole lines, inserted at the start of a line: the text mostly stays valid, so that the edits
# after it are parsed block by block.
LINES = [
    "\n",
    "x = 1\n",
    "# a comment\n",
    "def added(a):\n    return a\n",
    "@decorator\ndef decorated():\n    pass\n",
    "@call(\n    1\n)\ndef decorated():\n    pass\n",
    'TEXT = """\nat the first column\n"""\n',
    "if x:\n    pass\nelse:\n    pass\n",
    "from __future__ import annotations\n",
    "x = (\n",
    ")\n",
]
# Anything, anywhere: brackets, strings and blocks opened and closed, line breaks of every kind.
CHARACTERS = st.one_of(
    st.sampled_from(
        ["", "\n", "    ", "(", ")", ":", "#", "'", '"""', "\\\n", "\r\n", "\r", "\t", "\x0c", "é"]
    ),
    st.text(max_size=5),
)
# (where, as a fraction of the text or of its lines; characters removed; text inserted; whole
# lines or not)
# Near the end half of the time: fewer blocks move, more are kept.
WHERE = st.one_of(st.floats(0, 0.999), st.floats(0.8, 0.999))
LINE_EDIT = st.tuples(WHERE, st.just(0), st.sampled_from(LINES), st.just(True))
EDIT = st.one_of(
    LINE_EDIT,
    LINE_EDIT,
    LINE_EDIT,
    st.tuples(st.floats(0, 1), st.integers(0, 12), CHARACTERS, st.just(False)),
)


def edited(text: str, edit: tuple[float, int, str, bool]) -> str:
    """The text after the edit: a line edit inserts before a line that starts at the first
    column (outside any function: the text mostly stays valid)."""
    where, removed, inserted, by_lines = edit
    if not by_lines:
        start = int(where * len(text))
        return text[:start] + inserted + text[start + removed :]
    lines = text.splitlines(keepends=True)
    starts = [number for number, line in enumerate(lines) if line[:1].isidentifier()]
    start = starts[int(where * len(starts))] if starts else len(lines)
    return "".join([*lines[:start], inserted, *lines[start:]])


def outcome(parser: Callable[[str], ast.Module], text: str) -> str:
    try:
        tree = parser(text)
    except SyntaxError as error:
        return f"SyntaxError {error.msg} {error.lineno} {error.offset}"
    except ValueError as error:
        return f"ValueError {error}"
    return ast.dump(tree, include_attributes=True)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXTS), st.lists(EDIT, min_size=1, max_size=12))
def test_every_edit_parses_as_the_whole_text(
    text: str, edits: list[tuple[float, int, str, bool]]
) -> None:
    parser = BlockParser(parse)
    assert outcome(parser.parse, text) == outcome(parse, text)
    for edit in edits:
        text = edited(text, edit)
        assert outcome(parser.parse, text) == outcome(parse, text), text
