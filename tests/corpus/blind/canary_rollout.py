# randomness outside steps: a random canary split through a conditional expression that then decides which steps run, a secrets token naming a step through a variable; a hash-based split and a seeded random.Random that are deterministic, unseeded randomness inside a step (correct)
import hashlib
import os
import random
import secrets

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from recs.models import canary_model, stable_model
from recs.store import store_recs

app = FastAPI()
serve = Serve(app)

CANARY_RATIO = float(os.environ.get("CANARY_RATIO", "0.05"))
CANARY_PERCENT = int(CANARY_RATIO * 100)
SECTIONS = ["trending", "because-you-watched", "new-releases", "top-picks"]


def bucket(user_id: str) -> int:
    return int(hashlib.sha256(user_id.encode()).hexdigest(), 16) % 100


@serve.post("/workflows/recommendations")
async def recommendations(context: AsyncWorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]
    variant = "canary" if random.random() < CANARY_RATIO else "stable"  # expect: UWF102

    if variant == "canary":  # expect: UWF105
        recs = await context.run("recs-canary", lambda: canary_model.recommend(user_id))
    else:
        recs = await context.run("recs-stable", lambda: stable_model.recommend(user_id))

    batch_token = secrets.token_hex(4)  # expect: UWF102
    await context.run(f"store-{batch_token}", lambda: store_recs(user_id, recs))  # expect: UWF106


@serve.post("/workflows/recommendations-v2")
async def recommendations_v2(context: AsyncWorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]
    model = canary_model if bucket(user_id) < CANARY_PERCENT else stable_model

    if bucket(user_id) < CANARY_PERCENT:
        recs = await context.run("recs-canary", lambda: model.recommend(user_id))
    else:
        recs = await context.run("recs-stable", lambda: model.recommend(user_id))

    for section in random.Random(user_id).sample(SECTIONS, k=2):
        await context.run(f"section-{section}", lambda s=section: model.section(user_id, s))

    async def _shuffle() -> list:
        picks = list(recs)
        random.shuffle(picks)
        return picks[:20]

    shuffled = await context.run("shuffle", _shuffle)
    await context.run("store", lambda: store_recs(user_id, shuffled))
