"""## What it does
Checks for step names that depend on a value read outside a step: a clock, a random value or
an id, or I/O (`context.run(f"charge-{uuid.uuid4()}", ...)`).

## Why is this bad?
On every call of the workflow endpoint the SDK compares the name of the n-th step with the
name it recorded: "Incompatible step name. Expected '...', got '...' from the request". A name
built from a new value on each call never matches, so the run fails at that step. Names built
from the request payload, a loop counter or a step's result are deterministic and fine, and so
are constant names reused in a loop (the official examples do that).

A step call inside a construct already reported as UWF105 is not reported again.

## Example
```python
import uuid


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[dict]) -> None:
    await context.run(f"charge-{uuid.uuid4()}", lambda: charge(context.request_payload))
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[dict]) -> None:
    order_id = context.request_payload["order_id"]
    await context.run(f"charge-{order_id}", lambda: charge(context.request_payload))
```

## Fix safety
There is no fix: the name has to be built from deterministic values.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.rule import Rule
from wfcheck.rules._consequences import reported_step_names, source_reference


class NondeterministicStepName(Rule):
    code = "UWF106"
    name = "nondeterministic-step-name"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for use in reported_step_names(model.flow):
            assert use.step.name is not None
            cause, related = source_reference(model, use.source)
            message = (
                f"this step name depends on {cause}, which runs outside a step: it changes on "
                'the next call of the workflow, and the run fails with "Incompatible step name"'
            )
            yield self.diagnostic(model, use.step.name, message, related=related)
