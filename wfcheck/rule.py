"""What a rule is: a code, a name, a severity, a check over the semantic model, and its docs."""

from __future__ import annotations

import enum
import inspect
import sys
from collections.abc import Iterator
from typing import ClassVar

from wfcheck.diagnostics import Applicability, Diagnostic, Fix, Range, RelatedLocation, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.source import Located


class FixAvailability(enum.Enum):
    """Whether a rule's findings come with a fix (Ruff's `FixAvailability`)."""

    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class Rule:
    """A rule; its module's docstring is its documentation (Ruff's shape)."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    opt_in: ClassVar[bool] = False
    fix_availability: ClassVar[FixAvailability] = FixAvailability.NONE
    # The applicability of the rule's fixes, when it has any.
    fix_applicability: ClassVar[Applicability | None] = None

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(sys.modules[cls.__module__].__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """The first sentence of "What it does"."""
        text = cls.documentation()
        _, _, after = text.partition("## What it does")
        paragraph = after.strip().split("\n\n", 1)[0]
        return " ".join(paragraph.split())

    def diagnostic(
        self,
        model: SemanticModel,
        at: Located | Range,
        message: str,
        *,
        fix: Fix | None = None,
        related: tuple[RelatedLocation, ...] = (),
    ) -> Diagnostic:
        range_ = at if isinstance(at, Range) else model.source.node_range(at)
        return Diagnostic(self.code, self.name, message, range_, self.severity, fix, related)
