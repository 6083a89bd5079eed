# shapes: correct. A home-grown bare @serve decorator and a home-grown Serve class with .post (the ops CLI's local task registry) over functions whose context is a local TaskContext with run/sleep: the clock, random, subprocess and requests decide its run calls, steps are nested and eager, time.sleep is used, and nothing of it is workflow code; beside them one real route registered with upstash_workflow.serve(fn) (attribute access on the imported package), whose control flow follows step results
from __future__ import annotations

import logging
import os
import random
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

import requests

import upstash_workflow

log = logging.getLogger("ops-cli")

OPS_API = os.environ.get("OPS_API", "https://ops.internal")
TASKS: dict[str, Callable[..., Any]] = {}


@dataclass
class TaskContext:
    """What the ops CLI hands to a task: a tiny step journal kept in memory."""

    name: str
    journal: dict[str, Any] = field(default_factory=dict)

    def run(self, step: str, fn: Callable[[], Any]) -> Any:
        if step not in self.journal:
            self.journal[step] = fn()
        return self.journal[step]

    def sleep(self, step: str, seconds: int) -> None:
        log.info("[%s] %s: sleeping %ss", self.name, step, seconds)
        time.sleep(seconds)


def serve(fn: Callable[[TaskContext], None]) -> Callable[[TaskContext], None]:
    TASKS[fn.__name__] = fn
    return fn


class Serve:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def post(self, path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            TASKS[f"{self.prefix}{path}"] = fn
            return fn

        return register


cli = Serve("ops:")


@serve
def rotate_keys(context) -> None:
    if datetime.now().hour < 6 or random.random() < 0.2:
        context.run(f"rotate-{time.time_ns()}", lambda: subprocess.run(["vault", "rotate"], check=True).returncode)
    else:
        context.run("skip-rotation", lambda: None)
    time.sleep(2)
    context.run("verify", requests.get(f"{OPS_API}/keys/verify", timeout=5).json())


@serve
def restart_workers(context) -> None:
    status = requests.get(f"{OPS_API}/workers", timeout=5).json()
    if not status["unhealthy"]:
        return
    while random.random() < 0.9:
        def _restart() -> int:
            context.sleep("drain", 3)
            return context.run("restart", lambda: subprocess.call(["systemctl", "restart", "worker"]))

        try:
            context.run("restart-one", _restart)
        except Exception:
            log.exception("restart failed")
            break


@cli.post("/purge")
def purge_tmp(context) -> None:
    for path in sorted(os.listdir("/tmp")):
        context.run(f"purge-{path}-{random.randint(0, 99)}", lambda path=path: os.remove(os.path.join("/tmp", path)))


def run_task(name: str) -> None:
    TASKS[name](TaskContext(name=name))


def nightly_rollup(context) -> None:
    day = context.request_payload["day"]
    totals = context.run("collect-totals", lambda: requests.get(f"{OPS_API}/totals/{day}", timeout=30).json())
    if totals.get("empty"):
        context.run("mark-empty", lambda: requests.post(f"{OPS_API}/days/{day}/empty", timeout=10).status_code)
        return
    context.sleep("wait-for-late-events", 900)
    context.run("publish-rollup", lambda: requests.post(f"{OPS_API}/rollups", json=totals, timeout=30).status_code)


rollup_handler = upstash_workflow.serve(nightly_rollup)["handler"]
