# shapes: correct. A plugin hook register_maintenance(serve) whose unannotated parameter named serve is a home-grown JobRouter: the functions it decorates have an unannotated context (a local JobContext) and read the clock, random and redis around their context.run/sleep calls, with early returns, while loops and eager steps, none of it workflow code; beside it a real registration register_exports(serve: FlaskServe) (the flask Serve class imported under an alias) with sync routes: a match on a step result, a for loop with continue on step results, a header gate before the first step
from __future__ import annotations

import logging
import os
import random
import time
from typing import Any, Callable

import redis
import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve as FlaskServe

log = logging.getLogger("maintenance")

EXPORT_API = os.environ.get("EXPORT_API", "https://exports.internal")
locks = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), decode_responses=True)


class JobContext:
    def __init__(self, name: str) -> None:
        self.name = name

    async def run(self, step: str, fn: Callable[[], Any]) -> Any:
        log.info("job %s step %s", self.name, step)
        return fn()

    async def sleep(self, step: str, seconds: int) -> None:
        log.info("job %s sleeps %ss at %s", self.name, seconds, step)


class JobRouter:
    """In-process router of the maintenance daemon; paths are cron labels."""

    def __init__(self) -> None:
        self.jobs: dict[str, Callable[..., Any]] = {}

    def post(self, path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
            self.jobs[path] = fn
            return fn

        return decorate


def register_maintenance(serve) -> None:
    @serve.post("/maintenance/vacuum")
    async def vacuum(context) -> None:
        if locks.get("maintenance:paused") == "1":
            return
        if time.time() % 2 < 1:
            await context.run("vacuum-full", lambda: requests.post(f"{EXPORT_API}/db/vacuum?full=1", timeout=600).status_code)
        else:
            await context.run("vacuum-light", lambda: requests.post(f"{EXPORT_API}/db/vacuum", timeout=600).status_code)

    @serve.post("/maintenance/shuffle")
    async def shuffle_shards(context) -> None:
        while random.random() < 0.7:
            await context.run(f"move-{random.randint(0, 63)}", requests.post(f"{EXPORT_API}/shards/move", timeout=60).json())
            await context.sleep("pause", 1.5)


def register_exports(serve: FlaskServe) -> None:
    @serve.route("/exports/daily")
    def daily_export(context: WorkflowContext[dict]) -> None:
        if context.headers.get("x-export-key") != os.environ.get("EXPORT_KEY"):
            log.warning("export rejected for run %s", context.workflow_run_id)
            return
        dataset = context.request_payload["dataset"]
        plan = context.run("plan", lambda: requests.post(f"{EXPORT_API}/plan", json={"dataset": dataset}, timeout=30).json())
        match plan:
            case {"mode": "incremental", "since": since}:
                context.run("export-incremental", lambda: requests.post(f"{EXPORT_API}/incremental", json={"since": since}, timeout=300).status_code)
            case {"mode": "full"}:
                context.run("export-full", lambda: requests.post(f"{EXPORT_API}/full", json={"dataset": dataset}, timeout=900).status_code)
            case _:
                log.info("nothing to export for %s", dataset)
                return
        context.run("publish", lambda: requests.post(f"{EXPORT_API}/publish", json={"dataset": dataset}, timeout=30).status_code)

    @serve.route("/exports/partitions")
    def export_partitions(context: WorkflowContext[dict]) -> None:
        dataset = context.request_payload["dataset"]
        partitions = context.run("list-partitions", lambda: requests.get(f"{EXPORT_API}/{dataset}/partitions", timeout=30).json())
        for partition in partitions:
            if partition["exported"]:
                continue
            context.run("export-partition", lambda p=partition: requests.post(f"{EXPORT_API}/{dataset}/partitions/{p['id']}", timeout=300).status_code)
            context.sleep("partition-pause", 10)


maintenance = JobRouter()
register_maintenance(maintenance)

app = Flask(__name__)
register_exports(FlaskServe(app))
