"""## What it does
Checks for a `return` of a route function (or of a function annotated with the workflow
context) that comes before any step call and is taken or not depending on a value read outside
a step: a clock, a random value, or I/O such as a database read.

## Why is this bad?
Before every real run of the route function the SDK makes a dry run that stops at the first
step: this is how it authenticates the request. If the dry run returns before reaching a step,
the call is answered with HTTP 400 "Failed to authenticate Workflow request". When that return
depends on a non-deterministic value, some calls fail and others do not. Read the value inside
a step: the dry run then stops at that step, and the return is decided by its recorded result.

A return before the first step that depends only on deterministic values (the request payload,
`context.headers`) is not reported: the official examples check an authorisation header that
way.

## Example
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[dict]) -> None:
    entry_id = context.request_payload["entry_id"]
    result = await get_result_from_db(entry_id)
    if result["should_return"]:
        return
    await context.run("process", lambda: process(entry_id))
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[dict]) -> None:
    entry_id = context.request_payload["entry_id"]
    result = await context.run("get-result", lambda: get_result_from_db(entry_id))
    if result["should_return"]:
        return
    await context.run("process", lambda: process(entry_id))
```

## Fix safety
There is no fix: the source has to move into a step (see UWF101 to UWF103, whose fix does it).

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from collections.abc import Iterator

from wfcheck.diagnostics import Diagnostic, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.rule import Rule
from wfcheck.rules._consequences import source_reference


class ReturnBeforeFirstStep(Rule):
    code = "UWF104"
    name = "return-before-first-step"
    severity = Severity.ERROR

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        for early in model.flow.early_returns:
            cause, related = source_reference(model, early.source)
            message = (
                f"returning here before the first step depends on {cause}, which runs outside "
                'a step: the workflow will fail with "Failed to authenticate Workflow request"'
            )
            yield self.diagnostic(model, early.node, message, related=related)
