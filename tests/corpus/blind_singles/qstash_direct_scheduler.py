# shapes: no SDK: a FastAPI app that publishes to QStash with the qstash client and verifies callbacks with its Receiver, a home-grown `Serve` class with .post and a `serve` decorator, a local WorkflowContext with run/sleep/call, time.time()/random/uuid deciding context.run calls, a nested context.run, asyncio.gather of runs, an empty step name, a docstring that names upstash_workflow; nothing may be reported
"""Schedules follow-ups straight through QStash.

We used to run this as an `upstash_workflow` endpoint (`from upstash_workflow import serve`),
but the team moved to plain QStash messages with our own tiny step runner.
"""
import asyncio
import os
import random
import time
import uuid

from fastapi import FastAPI, Request
from qstash import QStash, Receiver

app = FastAPI()
qstash = QStash(os.environ.get("QSTASH_TOKEN", ""))
receiver = Receiver(current_signing_key="current", next_signing_key="next")


class WorkflowContext:
    def __init__(self, payload: dict) -> None:
        self.request_payload = payload

    async def run(self, name: str, fn):
        return fn()

    async def sleep(self, name: str, seconds) -> None:
        qstash.message.publish_json(url="https://api.example.com/resume", body={"step": name}, delay=f"{seconds}s")

    async def call(self, name: str, url: str, body: dict) -> dict:
        return qstash.message.publish_json(url=url, body=body)


class Serve:
    def __init__(self, application: FastAPI) -> None:
        self.app = application

    def post(self, path: str):
        def register(fn):
            async def endpoint(request: Request):
                return await fn(WorkflowContext(await request.json()))

            self.app.post(path)(endpoint)
            return fn

        return register


def serve(fn):
    return Serve(app).post(f"/{fn.__name__}")(fn)


@serve
async def follow_up(context: WorkflowContext) -> None:
    if time.time() % 5 == 2:
        await context.run("step-1", lambda: None)
    if random.randint(0, 9) > 4:
        await context.run(f"pick-{uuid.uuid4()}", lambda: None)

    async def _outer():
        await context.run("inner", lambda: None)

    await context.run("outer", _outer)
    await asyncio.gather(context.run("a", lambda: 1), context.run("b", lambda: 2))
    context.run("", lambda: 3)
    await context.sleep("pause", 1.5)
    await context.call("ping", url="https://api.example.com/ping", body={"at": time.time()})


@app.post("/callbacks/qstash")
async def qstash_callback(request: Request) -> dict:
    body = (await request.body()).decode()
    receiver.verify(body=body, signature=request.headers.get("upstash-signature", ""), url=str(request.url))
    return {"ok": True, "received_at": time.time()}
