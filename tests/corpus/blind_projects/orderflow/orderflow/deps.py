# shapes: shared clients held in module globals (upstash_redis Redis.from_env(), httpx.AsyncClient) and a typing Protocol for the workflow context, imported by the route modules; never imports the SDK (no findings)
from __future__ import annotations

from typing import Any, Callable, Protocol

import httpx
from upstash_redis import Redis

cache = Redis.from_env()
warehouse = httpx.AsyncClient(base_url="https://warehouse.internal.example.com", timeout=10.0)


class WorkflowCtx(Protocol):
    """The part of the workflow context our routes use (keeps the SDK out of type hints)."""

    request_payload: Any
    headers: dict[str, str]
    workflow_run_id: str

    async def run(self, step_name: str, step_function: Callable[[], Any]) -> Any: ...

    async def sleep(self, step_name: str, duration: int | str) -> None: ...

    async def sleep_until(self, step_name: str, date_time: Any) -> None: ...

    async def call(
        self,
        step_name: str,
        *,
        url: str,
        method: str = "GET",
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Any: ...
