# shapes: an in-house job engine that never imports upstash_workflow but reuses its vocabulary: WorkflowContext / AsyncWorkflowContext classes with run/sleep/call, a Serve class with .post/.route, serve/async_serve decorators, a WorkflowAbort exception; reads the clock and randomness freely (no findings: not workflow code)
import asyncio
import random
import time
import uuid
from typing import Any, Callable


class WorkflowAbort(Exception):
    pass


class WorkflowContext:
    def __init__(self, payload: dict) -> None:
        self.request_payload = payload
        self.workflow_run_id = uuid.uuid4().hex
        self.started = time.time()
        self.log: list[str] = []

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        self.log.append(name)
        return fn()

    def sleep(self, name: str, seconds: float) -> None:
        self.log.append(name)
        time.sleep(seconds)

    def call(self, name: str, url: str, method: str = "GET", body: Any = None) -> dict:
        self.log.append(name)
        return {"url": url, "method": method, "body": body}


class AsyncWorkflowContext(WorkflowContext):
    async def run(self, name: str, fn: Callable[[], Any]) -> Any:
        self.log.append(name)
        result = fn()
        if asyncio.iscoroutine(result):
            result = await result
        return result

    async def sleep(self, name: str, seconds: float) -> None:
        self.log.append(name)
        await asyncio.sleep(seconds + random.random() / 10)


_REGISTRY: dict[str, Callable] = {}


def serve(fn: Callable) -> Callable:
    _REGISTRY[fn.__name__] = fn
    return fn


def async_serve(fn: Callable) -> Callable:
    _REGISTRY[fn.__name__] = fn
    return fn


class Serve:
    def __init__(self, app: Any) -> None:
        self.app = app

    def post(self, path: str) -> Callable[[Callable], Callable]:
        def register(fn: Callable) -> Callable:
            _REGISTRY[path] = fn
            return fn

        return register

    route = post


def run(name: str, payload: dict) -> Any:
    fn = _REGISTRY[name]
    ctx = AsyncWorkflowContext(payload) if asyncio.iscoroutinefunction(fn) else WorkflowContext(payload)
    result = fn(ctx)
    if asyncio.iscoroutine(result):
        return asyncio.run(result)
    return result
