# shapes: no SDK. Azure Durable Functions orchestrators (generator functions with context.call_activity, create_timer, task_all, current_utc_datetime) where datetime.now(), random and uuid4 decide activities and name them; a home-grown Serve class with .post and .route and a home-grown serve used as a bare decorator, over functions with a context that has run/sleep/sleep_until/call: match on random, while on time.time(), for/else over Path.glob, walrus on requests, an unawaited call, an async def under the sync-looking decorator
from __future__ import annotations

import logging
import random
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable

import azure.durable_functions as df
import azure.functions as func
import requests

log = logging.getLogger("fulfilment")

INBOX = Path("/mnt/inbox")
ROUTES: dict[str, Callable[..., Any]] = {}


def orchestrator_function(context: df.DurableOrchestrationContext):
    order = context.get_input()
    if datetime.now().hour < 6:
        yield context.call_activity("QueueForMorning", order)
        return "queued"
    if random.random() < 0.1:
        yield context.call_activity("FraudCheck", order)
    parallel = [context.call_activity("PickItem", item) for item in order["items"]]
    yield context.task_all(parallel)
    deadline = context.current_utc_datetime + timedelta(minutes=30)
    yield context.create_timer(deadline)
    yield context.call_activity(f"Ship-{uuid.uuid4().hex[:6]}", order)
    return "shipped"


main = df.Orchestrator.create(orchestrator_function)


def pick_item(item: dict) -> dict:
    return requests.post("https://warehouse.internal/pick", json=item, timeout=10).json()


class Serve:
    """Local HTTP-to-job bridge for the fulfilment function app."""

    def __init__(self, app: func.FunctionApp) -> None:
        self.app = app

    def post(self, path: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(fn: Callable[..., Any]) -> Callable[..., Any]:
            ROUTES[path] = fn
            return fn

        return register

    route = post


def serve(fn: Callable[..., Any]) -> Callable[..., Any]:
    ROUTES[fn.__name__] = fn
    return fn


function_app = func.FunctionApp()
bridge = Serve(function_app)


@bridge.post("/restock")
def restock(context) -> None:
    match random.choice(["north", "south"]):
        case "north":
            context.run("restock-north", lambda: pick_item({"zone": "north"}))
        case _:
            context.sleep("wait-south", 0.25)
    started = time.time()
    while time.time() - started < 30:
        context.run(f"poll-{uuid.uuid4().hex[:4]}", lambda: None)


@bridge.route("/inbox")
def inbox(context) -> None:
    for path in INBOX.glob("*.json"):
        context.run(f"ingest-{path.name}", lambda path=path: path.read_text())
    else:
        context.call("notify", url="https://hooks.internal/inbox", method="POST")
    if (resp := requests.get("https://hooks.internal/health", timeout=3)).status_code != 200:
        return
    context.sleep_until("later", time.time() + 60)


@serve
async def audit(context) -> None:
    context.run("audit-start", lambda: None)
    await context.sleep("audit-wait", 1.5)
    if datetime.now().minute % 2:
        await context.run("audit-odd", lambda: None)
