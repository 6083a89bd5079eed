"""## What it does
Checks for methods called on the workflow context that the configured SDK does not have:
invented ones such as `context.run_parallel`, TypeScript's camelCase (`context.sleepUntil`,
`context.waitForEvent`), and methods that the docs show but upstash-workflow 2.0.0 lacks
(`wait_for_event`, `notify`, `invoke`, `cancel`). The set of methods follows the
`sdk-methods` setting, so newer SDKs are not reported.

## Why is this bad?
The call raises `AttributeError` when the workflow reaches it, after earlier steps have run:
the run fails part way, and retries fail the same way.

## Example
```python
import time


@serve.post("/api/reminders")
async def remind(context: AsyncWorkflowContext[dict]) -> None:
    await context.sleepUntil("wait", time.time() + 3600)
    await context.run("remind", lambda: "sent")
```

Use instead:
```python
import time


@serve.post("/api/reminders")
async def remind(context: AsyncWorkflowContext[dict]) -> None:
    await context.sleep_until("wait", time.time() + 3600)
    await context.run("remind", lambda: "sent")
```

## Fix safety
For a camelCase name whose snake_case form is a method of the SDK, the fix renames it
(`sleepUntil` to `sleep_until`). It is safe: the call failed before.

## References
- [Upstash Workflow: context](https://upstash.com/docs/workflow/basics/context)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.rule import FixAvailability, Rule
from wfcheck.sdk import SDK_2_0_0_METHODS


class UnknownContextMethod(Rule):
    code = "UWF308"
    name = "unknown-context-method"
    severity = Severity.ERROR
    fix_availability = FixAvailability.SOMETIMES
    fix_applicability = Applicability.SAFE

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        methods = model.detection.sdk_methods
        sdk = "upstash-workflow 2.0.0" if methods == SDK_2_0_0_METHODS else "the configured SDK"
        for call in model.workflows.unknown_method_calls:
            snake = re.sub(r"(?<!^)(?=[A-Z])", "_", call.method).lower()
            suggestion = f"; did you mean {snake}()?" if snake in methods else ""
            message = (
                f"{sdk} has no context method {call.method}(): the call raises AttributeError "
                f"when the workflow reaches it{suggestion}"
            )
            at = model.source.attribute_name_range(call.attribute)
            fix = None
            if suggestion:
                edit = Edit(at, snake)
                fix = Fix(f"Rename to {snake}", (edit,), Applicability.SAFE)
            yield self.diagnostic(model, at, message, fix=fix)
