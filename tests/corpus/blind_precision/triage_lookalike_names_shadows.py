# shapes: correct; FastAPI Serve(app); deterministic functions whose names sound non-deterministic (now_label(ts) via datetime.fromtimestamp, random_bucket(seed) via hashlib, fresh_id via uuid5, shuffled via random.Random(seed)) deciding branches and step names; parameters and locals that shadow modules: a `random` parameter (seeded Random passed in) whose .choice is called, a `time` parameter (datetime.time) whose .strftime(fmt) is called, a `requests` dict parameter whose .get is called, a route-local `time` and `request`; the real random/time/requests modules used only inside steps
import hashlib
import random
import time
import uuid
from datetime import datetime, time as dtime, timezone
from typing import Any

import requests
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)

TICKETS_API = "https://tickets.internal"
RUN_NAMESPACE = uuid.UUID("6f1c3a52-8a3e-4c55-9d7e-0b1f2c3d4e5f")


def now_label(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y%m%dT%H%M")


def random_bucket(seed: str, buckets: int = 10) -> int:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % buckets


def fresh_id(run_id: str, part: str) -> str:
    return str(uuid.uuid5(RUN_NAMESPACE, f"{run_id}:{part}"))


def shuffled(items: list[str], seed: str) -> list[str]:
    rng = random.Random(seed)
    out = list(items)
    rng.shuffle(out)
    return out


def pick_reviewer(reviewers: list[str], random: random.Random) -> str:
    return random.choice(reviewers)


def format_slot(time: dtime) -> str:
    return time.strftime("%H:%M")


def lookup_policy(requests: dict[str, str], kind: str) -> str:
    return requests.get(kind, "standard")


def backoff_seconds(bucket: int) -> int:
    return 60 * (bucket + 1)


def post_assignment(ticket_id: str, reviewer: str) -> dict[str, Any]:
    r = requests.post(f"{TICKETS_API}/assign", json={"ticket": ticket_id, "reviewer": reviewer}, timeout=10)
    return {"status": r.status_code, "reviewer": reviewer}


def measure_queue(queue: str) -> dict[str, Any]:
    started = time.perf_counter()
    r = requests.get(f"{TICKETS_API}/queues/{queue}", timeout=10)
    return {"depth": r.json().get("depth", 0), "ms": round((time.perf_counter() - started) * 1000, 1)}


@serve.post("/api/workflows/triage")
async def triage_ticket(context: AsyncWorkflowContext[dict]) -> None:
    request = context.request_payload
    ticket_id = request["ticket_id"]
    run_id = context.workflow_run_id

    bucket = random_bucket(ticket_id)
    if bucket < 2:
        await context.run("canary-triage", lambda: {"path": "canary", "bucket": bucket})
    else:
        await context.run("standard-triage", lambda: {"path": "standard", "bucket": bucket})

    label = now_label(float(request["created_ts"]))
    await context.run(f"snapshot-{label}", lambda: {"ticket": ticket_id, "label": label})

    queue = await context.run("measure-queue", lambda: measure_queue(request.get("queue", "default")))
    if queue["depth"] > 50:
        await context.sleep("queue-backoff", backoff_seconds(bucket))

    reviewer = pick_reviewer(shuffled(request["reviewers"], run_id), random.Random(run_id))
    await context.run(f"assign-{fresh_id(run_id, reviewer)}", lambda: post_assignment(ticket_id, reviewer))

    time = dtime.fromisoformat(request.get("callback_at", "09:00"))
    slot = format_slot(time)
    await context.run(f"schedule-callback-{slot}", lambda: {"ticket": ticket_id, "slot": slot})

    policy = lookup_policy(request.get("policies", {}), request.get("kind", "bug"))
    if policy == "escalate":
        await context.run("escalate", lambda: post_assignment(ticket_id, "oncall"))
