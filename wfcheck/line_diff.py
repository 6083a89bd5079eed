"""The lines a fix changes, worked out from its edits: the hunks that the `full` output shows.

A general line matcher (difflib) compares every line of the file before and after, for every
finding; the edits already say which lines change, so the hunks follow from them directly.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from wfcheck.diagnostics import Edit
from wfcheck.source import SourceText


@dataclass(frozen=True)
class Lines:
    """Lines `before[old_start:old_end]` shown as `after[new_start:new_end]`: unchanged
    context when `changed` is False (both spans then hold the same lines)."""

    changed: bool
    old_start: int
    old_end: int
    new_start: int
    new_end: int


def hunks(
    edits: Sequence[Edit], before: Sequence[str], after: Sequence[str], context: int
) -> list[list[Lines]]:
    """The changed lines of `before` (the text's lines) and `after` (its lines once `edits`
    are applied; they do not overlap), each group with up to `context` unchanged lines around
    it; changes fewer than `2 * context + 1` lines apart share a group (as in a unified diff)."""
    groups: list[list[Lines]] = []
    group: list[Lines] = []
    old_end = new_end = 0  # where the previous change ended
    for change in _changes(edits, before, after):
        gap = change.old_start - old_end
        if group and gap > 2 * context:
            group.append(Lines(False, old_end, old_end + context, new_end, new_end + context))
            groups.append(group)
            group = []
        if group:
            group.append(Lines(False, old_end, change.old_start, new_end, change.new_start))
        else:
            lead = min(context, gap)
            start, new_start = change.old_start - lead, change.new_start - lead
            group.append(Lines(False, start, change.old_start, new_start, change.new_start))
        group.append(change)
        old_end, new_end = change.old_end, change.new_end
    if group:
        trail = min(context, len(before) - old_end)
        group.append(Lines(False, old_end, old_end + trail, new_end, new_end + trail))
        groups.append(group)
    return [
        [lines for lines in group if lines.old_start < lines.old_end or lines.changed]
        for group in groups
    ]


def _changes(edits: Sequence[Edit], before: Sequence[str], after: Sequence[str]) -> Iterator[Lines]:
    """The changed lines; a change that ends where the next starts is joined with it (shown as
    one block of removed lines, then one of added lines)."""
    pending: Lines | None = None
    for change in _changed_spans(edits, before, after):
        if pending is not None and pending.old_end == change.old_start:
            pending = Lines(
                True, pending.old_start, change.old_end, pending.new_start, change.new_end
            )
            continue
        if pending is not None:
            yield pending
        pending = change
    if pending is not None:
        yield pending


def _changed_spans(
    edits: Sequence[Edit], before: Sequence[str], after: Sequence[str]
) -> Iterator[Lines]:
    """The lines each run of edits on shared lines replaces, less the lines that come out the
    same at its start and end."""
    added = 0  # lines the earlier edits added (or removed, below zero)
    for first, last, grown in _spans(edits):
        old_start, old_end = first, last
        new_start, new_end = first + added, last + added + grown
        added += grown
        while (
            old_start < old_end and new_start < new_end and (before[old_start] == after[new_start])
        ):
            old_start, new_start = old_start + 1, new_start + 1
        while (
            old_end > old_start
            and new_end > new_start
            and (before[old_end - 1] == after[new_end - 1])
        ):
            old_end, new_end = old_end - 1, new_end - 1
        if old_start < old_end or new_start < new_end:
            yield Lines(True, old_start, old_end, new_start, new_end)


def _spans(edits: Sequence[Edit]) -> Iterator[tuple[int, int, int]]:
    """For each run of edits that share lines, in order: the index of its first line, the
    index after its last, and the lines it adds."""
    span: list[int] | None = None
    for edit in sorted(edits, key=lambda edit: (edit.range.start, edit.range.end)):
        start, end = edit.range.start.line, edit.range.end.line
        grown = len(SourceText(edit.content).lines) - 1 - (end - start)
        if span is not None and start - 1 < span[1]:  # starts on the previous run's last line
            span[1] = max(span[1], end)
            span[2] += grown
            continue
        if span is not None:
            yield span[0], span[1], span[2]
        span = [start - 1, end, grown]
    if span is not None:
        yield span[0], span[1], span[2]
