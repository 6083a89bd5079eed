"""The hunks of a fix's diff, worked out from its edits (`wfcheck/line_diff.py`): rebuilt
from the text before and the hunks, the text after comes out exactly, and the context lines
are the same lines before and after."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wfcheck.diagnostics import Edit, Position, Range
from wfcheck.fixes import apply_edits
from wfcheck.line_diff import Lines, hunks
from wfcheck.source import SourceText

LINES = st.lists(st.sampled_from(["", "a", "b", "    c = 1", "d()"]), min_size=1, max_size=12)
CONTENT = st.lists(st.sampled_from(["", "x", "\n", "a\n", "\nb", "return "]), max_size=3).map(
    "".join
)


@st.composite
def texts_and_edits(draw: st.DrawFn) -> tuple[SourceText, list[Edit]]:
    """A text and edits that do not overlap, at any lines and columns."""
    source = SourceText("\n".join(draw(LINES)))
    points = sorted(
        draw(
            st.lists(
                st.integers(0, len(source.text)).map(lambda offset: _position(source, offset)),
                max_size=6,
            )
        )
    )
    edits = [
        Edit(Range(start, end), draw(CONTENT))
        for start, end in zip(points[::2], points[1::2], strict=False)
    ]
    return source, edits


def _position(source: SourceText, offset: int) -> Position:
    line = source.text.count("\n", 0, offset) + 1
    return Position(line, offset - (source.text.rfind("\n", 0, offset) + 1))


def rebuilt(before: list[str], after: list[str], groups: list[list[Lines]]) -> list[str]:
    """The text after, from the text before: unchanged lines between the changes copied."""
    lines: list[str] = []
    old_end = 0
    for lines_shown in (lines for group in groups for lines in group):
        if not lines_shown.changed:
            continue
        lines.extend(before[old_end : lines_shown.old_start])
        assert len(lines) == lines_shown.new_start  # the change starts where it says
        lines.extend(after[lines_shown.new_start : lines_shown.new_end])
        old_end = lines_shown.old_end
    lines.extend(before[old_end:])
    return lines


@given(texts_and_edits(), st.integers(0, 3))
def test_the_hunks_rebuild_the_fixed_text(
    case: tuple[SourceText, list[Edit]], context: int
) -> None:
    source, edits = case
    before, after = source.lines, SourceText(apply_edits(source, edits)).lines
    groups = hunks(edits, before, after, context)
    assert rebuilt(before, after, groups) == after
    for group in groups:
        assert any(lines.changed for lines in group)
        for lines in group:
            if not lines.changed:
                assert lines.old_end - lines.old_start <= 2 * context
                assert (
                    before[lines.old_start : lines.old_end]
                    == (after[lines.new_start : lines.new_end])
                )


def test_a_changed_line_between_two_unchanged_ones() -> None:
    source = SourceText("a\nb\nc\nd\ne\n")
    edit = Edit(Range(Position(3, 0), Position(3, 1)), "C")
    groups = hunks([edit], source.lines, SourceText(apply_edits(source, [edit])).lines, 1)
    assert groups == [[Lines(False, 1, 2, 1, 2), Lines(True, 2, 3, 2, 3), Lines(False, 3, 4, 3, 4)]]


def test_changes_far_apart_are_separate_groups_and_near_ones_share_one() -> None:
    source = SourceText("\n".join("abcdefghij"))
    edits = [Edit(Range(Position(line, 0), Position(line, 1)), "X") for line in (2, 4, 9)]
    after = SourceText(apply_edits(source, edits)).lines
    groups = hunks(edits, source.lines, after, 1)
    assert [[(lines.changed, lines.old_start, lines.old_end) for lines in g] for g in groups] == [
        [(False, 0, 1), (True, 1, 2), (False, 2, 3), (True, 3, 4), (False, 4, 5)],
        [(False, 7, 8), (True, 8, 9), (False, 9, 10)],
    ]
