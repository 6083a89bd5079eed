"""The diagnostic model that every surface reports from.

Positions are 1-based lines and 0-based columns counted in characters (code points). Each
surface converts them: flake8 and Ruff's formats show the column plus one, the language
server converts to the encoding it negotiated with the client.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFORMATION = "information"


class Applicability(enum.Enum):
    """Ruff's fix applicability: what may apply a fix without asking."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


@dataclass(frozen=True, order=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class Range:
    start: Position
    end: Position

    def contains(self, other: Range) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Range) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Edit:
    """Replace the text of `range` with `content` (an insertion when the range is empty)."""

    range: Range
    content: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True)
class RelatedLocation:
    range: Range
    message: str
    # The absolute path of another file of the project the location is in (None: this file).
    path: str | None = None


@dataclass(frozen=True)
class Diagnostic:
    code: str
    rule_name: str
    message: str
    range: Range
    severity: Severity
    fix: Fix | None = None
    related: tuple[RelatedLocation, ...] = field(default=())

    @property
    def line(self) -> int:
        return self.range.start.line

    @property
    def column(self) -> int:
        return self.range.start.column

    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.code)
