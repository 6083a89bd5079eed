"""What UWF104 to UWF106 share: naming the source a consequence comes from."""

from __future__ import annotations

from wfcheck.diagnostics import RelatedLocation
from wfcheck.model.flow import SourceUse
from wfcheck.model.semantic import SemanticModel


def source_reference(
    model: SemanticModel, source: SourceUse
) -> tuple[str, tuple[RelatedLocation, ...]]:
    """`get_result_from_db() (line 12)` and the source's location as related information."""
    text = f"{source.callee}() (line {source.call.lineno})"
    related = RelatedLocation(
        model.source.node_range(source.call), f"{source.callee}() runs outside a step here"
    )
    return text, (related,)
