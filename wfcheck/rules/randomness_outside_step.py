"""## What it does
Checks for random numbers and generated ids (`random.randint()`, `uuid.uuid4()`,
`secrets.token_hex()`, `os.urandom()`, `numpy.random.*`, unseeded `random.Random()` and
`random.SystemRandom()` draws) in workflow code outside `context.run`.

## Why is this bad?
The workflow endpoint is called once per step and the route function re-runs from the top on
every call. A random value drawn outside a step is drawn again on each call, so the id a step
was given is not the id the next call sees, and a random branch can send a replay down another
path: the run fails with "Incompatible step name". Drawn inside a step, the value is recorded
once and replayed unchanged. A seeded `random.Random(seed)`, `uuid3` and `uuid5` are
deterministic and are not reported.

## Example
```python
import random


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    if random.randint(0, 9) % 5 == 2:
        await context.run("step-1", lambda: "one")
    else:
        await context.run("step-2", lambda: "two")
```

Use instead:
```python
import random


@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    roll = await context.run("roll", lambda: random.randint(0, 9))
    if roll % 5 == 2:
        await context.run("step-1", lambda: "one")
    else:
        await context.run("step-2", lambda: "two")
```

## Fix safety
The fix wraps the call in a new step, converting `UUID` and `bytes` results through `str()` and
`hex()` so that they survive the JSON round trip of step results. It is not offered where the
result has no known round trip (`random.shuffle`, numpy arrays). It is unsafe: adding a step
changes the step sequence, so runs already in flight fail with "Incompatible step name".

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from wfcheck.diagnostics import Severity
from wfcheck.model.sources import SourceKind
from wfcheck.rules._source_outside_step import SourceOutsideStep


class RandomnessOutsideStep(SourceOutsideStep):
    code = "UWF102"
    name = "randomness-outside-step"
    severity = Severity.WARNING
    kind = SourceKind.RANDOMNESS
    consequence = "returns a different value on every call of the workflow"
