"""What UWF104 to UWF106 share: naming the source a consequence comes from, and which
consequence is reported where (one construct, one finding)."""

from __future__ import annotations

from wfcheck.diagnostics import RelatedLocation
from wfcheck.model.flow import Decision, FlowFacts, SourceUse, StepNameUse
from wfcheck.model.semantic import SemanticModel


def source_reference(
    model: SemanticModel, source: SourceUse
) -> tuple[str, tuple[RelatedLocation, ...]]:
    """`get_result_from_db() (line 12)` and the source's location as related information."""
    text = f"{source.shown} (line {source.call.lineno})"
    related = RelatedLocation(
        model.source.node_range(source.call), f"{source.shown} runs outside a step here"
    )
    return text, (related,)


def covered_decisions(flow: FlowFacts) -> set[Decision]:
    """The constructs around a return before the first step: UWF104 reports them there."""
    return {decision for early in flow.early_returns for decision in early.enclosing}


def reported_decisions(flow: FlowFacts) -> list[Decision]:
    """UWF105's: constructs that decide which steps run, not already UWF104's. A construct
    nested in a reported one is reported too when it decides steps of its own."""
    covered = covered_decisions(flow)
    return [d for d in flow.decisions if d.decides_steps and d not in covered]


def reported_step_names(flow: FlowFacts) -> list[StepNameUse]:
    """UWF106's: step names not inside a construct already reported as UWF105."""
    reported = set(reported_decisions(flow))
    return [
        use
        for use in flow.step_names
        if use.step.name is not None and not any(d in reported for d in use.enclosing)
    ]
