# shapes: no SDK; imports upstash_redis and qstash but never the workflow SDK; Restate-style handlers (`await ctx.run("name", fn)`, `ctx.sleep(timedelta)`) and a home-grown durable StepContext with run/sleep/sleep_until/call plus a local `AsyncWorkflowContext` Protocol and a local `serve` decorator; every caveat's bug: clock, random, uuid4 and redis values deciding steps and step names, an early return on a cache read, a nested run, asyncio.gather of runs, try/except Exception around a run, asyncio.sleep and time.sleep, a float sleep, an empty step name, an unawaited run, a nonlocal write in a step
import asyncio
import random
import time
import uuid
from datetime import datetime, timedelta
from typing import Any, Awaitable, Callable, Dict, Protocol

import restate
from qstash import QStash
from upstash_redis import Redis

redis = Redis.from_env()
qstash = QStash(token="qstash-token-from-env")

StepFn = Callable[[], Any]


class AsyncWorkflowContext(Protocol):
    request_payload: Dict[str, Any]

    async def run(self, name: str, fn: StepFn) -> Any: ...

    async def sleep(self, name: str, seconds: float) -> None: ...


class StepContext:
    """A tiny durable-steps helper: results are memoised in redis per run."""

    def __init__(self, run_id: str, payload: Dict[str, Any]) -> None:
        self.run_id = run_id
        self.request_payload = payload

    async def run(self, name: str, fn: StepFn) -> Any:
        key = f"steps:{self.run_id}:{name}"
        cached = redis.get(key)
        if cached is not None:
            return cached
        result = fn()
        if asyncio.iscoroutine(result):
            result = await result
        redis.set(key, result)
        return result

    async def sleep(self, name: str, seconds: float) -> None:
        await asyncio.sleep(seconds)

    async def sleep_until(self, name: str, when: float) -> None:
        await asyncio.sleep(max(0.0, when - time.time()))

    async def call(self, name: str, url: str, body: Any = None) -> None:
        qstash.message.publish_json(url=url, body=body)


WORKFLOWS: Dict[str, Callable[[StepContext], Awaitable[None]]] = {}


def serve(path: str):
    def register(fn: Callable[[StepContext], Awaitable[None]]):
        WORKFLOWS[path] = fn
        return fn

    return register


@serve("/jobs/reindex")
async def reindex(context: StepContext) -> None:
    if redis.get(f"reindex:{context.request_payload['index']}:fresh"):
        return
    started = datetime.now()
    if started.hour < 6:
        await context.run("night-reindex", lambda: {"mode": "full"})
    else:
        await context.run("day-reindex", lambda: {"mode": "incremental"})
    await context.run(f"snapshot-{uuid.uuid4().hex}", lambda: {"ok": True})
    shards: list[str] = []

    async def _list() -> list[str]:
        nonlocal shards
        shards = ["a", "b"]
        await context.sleep("nested-wait", 1.5)
        return shards

    await context.run("list-shards", _list)
    await asyncio.gather(context.run("s1", lambda: 1), context.run("s2", lambda: 2))
    try:
        await context.run("commit", lambda: {"committed": True})
    except Exception:
        pass
    context.run("", lambda: None)
    time.sleep(2)
    await context.sleep("cooldown", random.random() * 10)


greeter = restate.Service("Reminders")


@greeter.handler()
async def remind(ctx: restate.Context, user: str) -> str:
    if random.randint(0, 9) % 5 == 2:
        await ctx.run("lucky", lambda: f"lucky {user}")
    token = await ctx.run("token", lambda: uuid.uuid4().hex)
    await ctx.sleep(timedelta(seconds=30))
    await asyncio.sleep(0.5)
    return f"{user}:{token}:{time.time()}"


app = restate.app(services=[greeter])
