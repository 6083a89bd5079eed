"""## What it does
Checks for clock reads (`datetime.now()`, `time.time()`, `date.today()` and the like) in
workflow code outside `context.run`.

## Why is this bad?
Upstash Workflow calls the workflow endpoint once per step and re-runs the route function from
the top every time, replaying recorded step results. Code outside a step runs on every call
(and the code before the first step at least twice per call), so a clock read there returns a
new value each time. When that value decides which steps run, or names a step, the replay
takes another path and the run fails with "Incompatible step name"; when it decides an early
return before the first step, the call fails with "Failed to authenticate Workflow request".
A clock value read inside a step is recorded once and replayed unchanged.

Arguments of `context.sleep_until` and `context.call` other than the step name are exempt:
the SDK uses them only when the step first runs (`sleep_until("wait", time.time() + 3)` is the
SDK's own example). So is a clock read whose value reaches only such arguments of `sleep`,
`sleep_until` or `call` through local variables used nowhere else but in logs
(`until = datetime.now() + timedelta(days=7)` then `sleep_until("wait", until)`, from
Upstash's docs): it says when a step runs, never whether or which.

## Example
```python
import time


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    if time.time() % 5 == 2:
        await context.run("step-1", lambda: "one")
    else:
        await context.run("step-2", lambda: "two")
```

Use instead:
```python
import time


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    now = await context.run("read-clock", lambda: time.time())
    if now % 5 == 2:
        await context.run("step-1", lambda: "one")
    else:
        await context.run("step-2", lambda: "two")
```

## Fix safety
The fix wraps the call in a new step, `await context.run("<workflow>-<what>", lambda: ...)`,
converting `datetime` and `date` results through `isoformat()` so that they survive the JSON
round trip of step results. It is unsafe: adding a step changes the step sequence, so runs
already in flight fail with "Incompatible step name" when they replay.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from wfcheck.diagnostics import Severity
from wfcheck.model.sources import SourceKind
from wfcheck.rules._source_outside_step import SourceOutsideStep


class ClockOutsideStep(SourceOutsideStep):
    code = "UWF101"
    name = "clock-outside-step"
    severity = Severity.WARNING
    kind = SourceKind.CLOCK
    consequence = "returns a new value on every call of the workflow"
