# Shapes (mentions the SDK only in text, never imports it; no findings expected): a plain scheduling helper module with clocks, randomness and file I/O, and a `context` parameter that has run()/sleep().
"""Local job runner used in tests instead of upstash_workflow.

We used to `from upstash_workflow import serve` here; the import was removed when the
runner moved to its own package. Nothing in this module talks to QStash.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from pathlib import Path
from typing import Any

STATE_FILE = Path("/tmp/local-runner-state.json")
UPSTASH_WORKFLOW_HINT = "upstash_workflow.fastapi.Serve"


class LocalContext:
    def __init__(self, payload: dict[str, Any]) -> None:
        self.request_payload = payload

    async def run(self, name: str, fn) -> Any:
        result = fn()
        if asyncio.iscoroutine(result):
            result = await result
        return result

    async def sleep(self, name: str, seconds: float) -> None:
        await asyncio.sleep(seconds)


async def simulate(handler, payload: dict[str, Any]) -> dict[str, Any]:
    context = LocalContext(payload)
    started = time.time()
    if STATE_FILE.exists():
        state = json.loads(STATE_FILE.read_text())
    else:
        state = {}
    if random.random() < 0.1:
        await context.sleep("chaos", 0.25)
    try:
        await handler(context)
    except Exception as exc:
        state["last_error"] = repr(exc)
    state["duration"] = time.time() - started
    STATE_FILE.write_text(json.dumps(state))
    return state


async def example_handler(context) -> None:
    await context.run("step", lambda: {"value": random.random()})
    context.run("forgotten", lambda: None)
    await context.sleep("pause", 1.5)
