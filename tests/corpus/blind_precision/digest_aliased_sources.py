# shapes: 7 labels; FastAPI Serve(app); sources reached through aliases: `import datetime as dtm` with dtm.datetime.utcnow() deciding steps (101, 105), `from time import time_ns as ns_clock` into a step name (101, 106), a module-level alias `new_nonce = secrets.token_hex` whose value only reaches a call header (102: the local-variable exemption is for clocks), a route-local alias `today = dtm.date.today` then `today()` deciding a step (101+105); fine: dtm.datetime.fromisoformat, uuid5 through `import uuid as _uuid`, ns_clock() inside a step, dtm.datetime.utcnow() only reaching sleep_until and logging
import datetime as dtm
import logging
import secrets
import uuid as _uuid
from time import time_ns as ns_clock
from typing import Any

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

log = logging.getLogger("digest")

app = FastAPI()
serve = Serve(app)

new_nonce = secrets.token_hex
DIGEST_NS = _uuid.UUID("0b7a7f8e-3c1d-4e55-a1f0-6d2b9c4e8a11")
PREFS_API = "https://prefs.internal"
DELIVERY_URL = "https://mailer.internal/deliver"


async def load_prefs(user_id: str) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=PREFS_API, timeout=10) as client:
        resp = await client.get(f"/users/{user_id}")
    return resp.json()


async def build_digest(user_id: str, prefs: dict[str, Any]) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=PREFS_API, timeout=10) as client:
        resp = await client.post("/digests", json={"user": user_id, "topics": prefs.get("topics", [])})
    return {"digest_id": resp.json()["id"]}


@serve.post("/workflows/digest")
async def send_digest(context: AsyncWorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]
    signup = dtm.datetime.fromisoformat(context.request_payload["signed_up_at"])
    prefs = await context.run("load-prefs", lambda: load_prefs(user_id))

    if signup.year < 2020:
        await context.run("legacy-template", lambda: {"user": user_id, "legacy": True})

    sent_at = dtm.datetime.utcnow()  # expect: UWF101
    if sent_at.hour < 6:  # expect: UWF105
        await context.sleep("quiet-hours", "6h")
    else:
        await context.run("mark-immediate", lambda: {"user": user_id})

    batch_key = f"digest-{ns_clock() // 1_000_000_000}"  # expect: UWF101
    digest = await context.run(batch_key, lambda: build_digest(user_id, prefs))  # expect: UWF106

    nonce = new_nonce(16)  # expect: UWF102
    await context.call(
        "deliver",
        url=DELIVERY_URL,
        method="POST",
        body={"user": user_id, "digest": digest["digest_id"]},
        headers={"X-Nonce": nonce},
    )

    ref = _uuid.uuid5(DIGEST_NS, f"{user_id}:{digest['digest_id']}").hex
    await context.run(f"audit-{ref}", lambda: {"user": user_id, "ns": ns_clock()})

    today = dtm.date.today
    if today().weekday() == 0:  # expect: UWF101, UWF105
        await context.run("weekly-recap", lambda: {"user": user_id, "recap": True})

    next_run = dtm.datetime.utcnow() + dtm.timedelta(days=1)
    log.info("next digest for %s at %s", user_id, next_run)
    await context.sleep_until("next-digest", next_run)
