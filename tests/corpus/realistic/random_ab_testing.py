# Shapes: unseeded module-level random.Random() and random.SystemRandom() methods, secrets.token_urlsafe, uuid4 in a step name (inline and through a variable), a conditional expression choosing between two step calls, seeded random.Random(user_id) and uuid5 names (deterministic, fine).
from __future__ import annotations

import random
import secrets
import uuid
from functools import partial

from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

app = FastAPI()
serve = Serve(app)

EXPERIMENT_NS = uuid.UUID("6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f")
_rng = random.Random()


def enroll(user_id: str, variant: str) -> dict:
    return {"user": user_id, "variant": variant}


def record(user_id: str, assignment: str) -> dict:
    return {"user": user_id, "assignment": assignment}


def send_invite(user_id: str, token: str) -> dict:
    return {"user": user_id, "token_len": len(token)}


def audit(user_id: str) -> None:
    return None


@serve.post("/experiments/assign")
async def assign_variant(context: AsyncWorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]

    # deterministic per user: the generator is seeded with the user id
    bucket = random.Random(user_id).randint(0, 99)
    if bucket < 50:
        await context.run("variant-a", partial(enroll, user_id, "A"))
    else:
        await context.run("variant-b", partial(enroll, user_id, "B"))

    assignment_id = uuid.uuid5(EXPERIMENT_NS, user_id)
    await context.run(f"record-{assignment_id}", partial(record, user_id, str(assignment_id)))


@serve.post("/experiments/holdout")
async def holdout(context: AsyncWorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]
    await context.run("load-profile", lambda: {"user": user_id})

    if _rng.random() < 0.1:  # expect: UWF102, UWF105
        await context.run("mark-holdout", partial(enroll, user_id, "holdout"))
        return

    token = secrets.token_urlsafe(16)  # expect: UWF102
    await context.run("invite", partial(send_invite, user_id, token))

    audit_step = partial(audit, user_id)
    await context.run(f"audit-{uuid.uuid4().hex}", audit_step)  # expect: UWF102, UWF106

    batch_id = str(uuid.uuid4())  # expect: UWF102
    await context.run(f"batch-{batch_id}", partial(record, user_id, "batch"))  # expect: UWF106

    colour = random.SystemRandom().choice(["blue", "green"])  # expect: UWF102
    await context.run("theme", partial(enroll, user_id, colour))

    await (
        context.run("path-a", partial(enroll, user_id, "a"))
        if random.random() < 0.5  # expect: UWF102, UWF105
        else context.run("path-b", partial(enroll, user_id, "b"))
    )
