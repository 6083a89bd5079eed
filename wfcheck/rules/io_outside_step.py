"""## What it does
Checks for I/O in workflow code outside `context.run`: every awaited call that is not a step,
a workflow helper or `asyncio.sleep`; `open()` and the `pathlib` methods that touch the file
system (`read_text()`, `exists()`, `stat()`, `glob()`, ...) on any path, also one made by
`Path.home()`, `Path.cwd()`, `.resolve()` or a `/` join, or a parameter annotated `Path`;
`requests`, `httpx`, `urllib`, `aiohttp`, `socket`, `subprocess`, `os.system` and `sqlite3`;
calls through `context.qstash_client`; and calls on database, cache, HTTP, cloud and model API
clients created in the file (`redis.Redis`, `upstash_redis.Redis.from_env()`, SQLAlchemy and
SQLModel sessions and engines, DB-API connections, `boto3` clients and resources, also made
through a `boto3.session.Session`, `qstash` clients, `requests.Session()`, `httpx.Client()`,
OpenAI and Anthropic clients), on what they open or build (`engine.connect()`,
`session.begin()`, a `sessionmaker`'s sessions, `resource.Table(...)`), and on a client held
in an attribute (`self.db`) or passed as a parameter annotated with its class. Constructing a
client (`Redis.from_env()`, `httpx.AsyncClient(...)`, `boto3.client("s3")`) is not I/O; using
it is.

## Why is this bad?
The workflow endpoint is called once per step and the route function re-runs from the top on
every call, so I/O outside a step is repeated on every call and may return something different
each time. A database read that decides an early return before the first step makes the call
fail with "Failed to authenticate Workflow request"; a write is made again and again. Inside a
step, the call runs once and its result is recorded and replayed.

A local `async def` that happens to be pure is reported too when awaited outside a step; call
it inside the step, or declare it deterministic in the settings.

## Example
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[dict]) -> None:
    entry_id = context.request_payload["entry_id"]
    result = await get_result_from_db(entry_id)
    await context.run("process", lambda: process(result))
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[dict]) -> None:
    entry_id = context.request_payload["entry_id"]
    result = await context.run("get-result", lambda: get_result_from_db(entry_id))
    await context.run("process", lambda: process(result))
```

## Fix safety
The fix wraps the call in a new step (`lambda: f(x)` for `await f(x)`: the SDK awaits what the
step function returns). It is not offered where the result cannot survive the JSON round trip
of step results: open files, HTTP responses, database rows and connections, cloud SDK
responses (Redis replies and results of unknown functions are assumed to). It is unsafe:
adding a step changes the step sequence, so runs already in flight fail with "Incompatible
step name", and the result must be JSON-serialisable.

## References
- [Upstash Workflow: Caveats](https://upstash.com/docs/workflow/basics/caveats)
"""

from __future__ import annotations

from wfcheck.diagnostics import Severity
from wfcheck.model.sources import SourceKind
from wfcheck.rules._source_outside_step import SourceOutsideStep


class IoOutsideStep(SourceOutsideStep):
    code = "UWF103"
    name = "io-outside-step"
    severity = Severity.WARNING
    kind = SourceKind.IO
    consequence = "runs again, with a possibly different result, on every call of the workflow"
