# shapes: FastAPI call-form registration serve.post(PATH)(fn), context named `workflow_context`, random.random deciding a step, random.choice reaching a step name, secrets.randbelow deciding an early return after the first step; fine: uuid4 in a logging argument, random.randint directly as a sleep duration (a step argument), a random.Random seeded with the transaction id deciding a step, uuid4 inside steps
import logging
import random
import secrets
import uuid

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

log = logging.getLogger("fraud")
app = FastAPI()
serve = Serve(app)

RISK_API = "https://risk.example.com"
REVIEWERS = ["amara", "bruno", "chen", "dana"]


async def score_transaction(txn: dict) -> dict:
    async with httpx.AsyncClient(base_url=RISK_API, timeout=10) as client:
        resp = await client.post("/score", json=txn)
        resp.raise_for_status()
        return resp.json()


async def post_case(path: str, body: dict) -> dict:
    async with httpx.AsyncClient(base_url=RISK_API, timeout=10) as client:
        resp = await client.post(path, json=body)
        return {"status": resp.status_code, "case": str(uuid.uuid4())}


async def screen_transaction(workflow_context: AsyncWorkflowContext[dict]) -> None:
    txn = workflow_context.request_payload
    log.info("screening %s trace=%s", txn["id"], uuid.uuid4())

    score = await workflow_context.run("score", lambda: score_transaction(txn))
    if score["risk"] > 0.8:
        await workflow_context.run("hold-funds", lambda: post_case("/holds", {"txn": txn["id"]}))

    rng = random.Random(txn["id"])
    if rng.random() < 0.5:
        await workflow_context.run("shadow-model", lambda: post_case("/shadow", {"txn": txn["id"]}))

    if random.random() < 0.05:  # expect: UWF102, UWF105
        await workflow_context.run("spot-check", lambda: post_case("/audits", {"txn": txn["id"]}))

    reviewer = random.choice(REVIEWERS)  # expect: UWF102
    await workflow_context.run(f"assign-{reviewer}", lambda: post_case("/assign", {"to": reviewer}))  # expect: UWF106

    await workflow_context.sleep("cool-off", random.randint(30, 90))

    if secrets.randbelow(20) == 0:  # expect: UWF102, UWF105
        log.info("skipping close-out for %s", txn["id"])
        return
    await workflow_context.run("close-out", lambda: post_case("/close", {"txn": txn["id"]}))


serve.post("/fraud/screen")(screen_transaction)
