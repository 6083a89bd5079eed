# shapes: FastAPI; a for/else over sorted(Path.glob()) that makes steps (103, 105, and no 106 for step names from the loop target); a datetime.now() test breaking a for over a step result before a later step (101, 105); a random.random() test continuing before a later step (102, 105); a redis kill switch breaking a while True before a later step (103, 105); fine: a for/else retry with break on step results and a give-up return, continue on step-result fields, a nested for over step results
import logging
import os
import random
from datetime import datetime, timezone
from pathlib import Path

import httpx
import redis
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("pipelines")

app = FastAPI()
serve = Serve(app)

INBOX = Path(os.environ.get("INBOX_DIR", "/srv/inbox"))
PIPELINE_API = os.environ.get("PIPELINE_API", "https://pipelines.internal")
SPOT_CHECK_RATE = 0.1
flags = redis.Redis(host=os.environ.get("FLAGS_HOST", "localhost"), decode_responses=True)


def call_api(path: str, body: dict | None = None) -> dict:
    resp = httpx.post(f"{PIPELINE_API}{path}", json=body or {}, timeout=30)
    resp.raise_for_status()
    return resp.json()


def parse_csv(path: str) -> list:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split(",") for line in fh if line.strip()]


@serve.post("/inbox/ingest")
async def ingest_inbox(context: AsyncWorkflowContext[dict]) -> None:
    await context.run("lock-inbox", lambda: call_api("/inbox/lock"))
    for path in sorted(INBOX.glob("*.csv")):  # expect: UWF103, UWF105
        rows = await context.run(f"parse-{path.name}", lambda path=path: parse_csv(str(path)))
        if not rows:
            break
        await context.run("load-rows", lambda rows=rows: call_api("/rows", {"rows": rows}))
    else:
        await context.run("archive-inbox", lambda: call_api("/inbox/archive"))
    await context.run("unlock-inbox", lambda: call_api("/inbox/unlock"))


@serve.post("/campaigns/publish")
async def publish_campaign(context: AsyncWorkflowContext[dict]) -> None:
    campaign = context.request_payload["campaign"]
    cutoff = datetime.fromisoformat(context.request_payload["cutoff"])
    batches = await context.run("plan-batches", lambda: call_api(f"/campaigns/{campaign}/plan")["batches"])
    for batch in batches:
        if datetime.now(timezone.utc) >= cutoff:  # expect: UWF101, UWF105
            log.info("campaign %s hit its cutoff", campaign)
            break
        await context.run("publish-batch", lambda batch=batch: call_api("/publish", batch))
        await context.sleep("pace", 30)
    await context.run("report", lambda: call_api(f"/campaigns/{campaign}/report"))


@serve.post("/reviews/spot-check")
async def spot_check(context: AsyncWorkflowContext[dict]) -> None:
    day = context.request_payload["day"]
    orders = await context.run("list-orders", lambda: call_api("/orders/list", {"day": day})["orders"])
    for order in orders:
        if order["total_cents"] < 1_000:
            continue
        if random.random() > SPOT_CHECK_RATE:  # expect: UWF102, UWF105
            continue
        await context.run("review-order", lambda order=order: call_api("/reviews", {"order": order["id"]}))
    await context.run("close-day", lambda: call_api("/reviews/close", {"day": day}))


@serve.post("/search/reindex")
async def reindex(context: AsyncWorkflowContext[dict]) -> None:
    index = context.request_payload["index"]
    cursor = None
    while True:
        page = await context.run("next-page", lambda cursor=cursor: call_api("/documents/page", {"cursor": cursor}))
        if flags.get(f"reindex:{index}:kill") == "1":  # expect: UWF103, UWF105
            log.warning("reindex of %s stopped by kill switch", index)
            break
        await context.run("reindex-page", lambda page=page: call_api(f"/indexes/{index}/docs", {"ids": page["ids"]}))
        cursor = page["next"]
        if cursor is None:
            break


@serve.post("/payouts/retry")
async def retry_payout(context: AsyncWorkflowContext[dict]) -> None:
    payout = context.request_payload["payout"]
    for _attempt in range(3):
        result = await context.run("attempt-payout", lambda: call_api("/payouts/attempt", {"payout": payout}))
        if result["ok"]:
            break
        await context.sleep("payout-backoff", 600)
    else:
        await context.run("escalate-payout", lambda: call_api("/payouts/escalate", {"payout": payout}))
        return
    groups = await context.run("list-recipients", lambda: call_api("/payouts/recipients", {"payout": payout})["groups"])
    for group in groups:
        for recipient in group["members"]:
            if not recipient["notify"]:
                continue
            await context.run("notify-recipient", lambda r=recipient: call_api("/notify", {"to": r["email"]}))
    await context.run("confirm-payout", lambda: call_api("/payouts/confirm", {"reference": result["reference"]}))
