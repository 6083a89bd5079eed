# shapes: bare @async_serve on async defs mounted on Starlette; an awaited upstash_redis lpop in a walrus while test deciding a loop of steps (103, 105, and no 106 for the step name built from the walrus target); a while test joining a counter and secrets.randbelow with `and` (102, 105); fine: a retry while/else on context.call status codes with int exponential backoff sleeps and a give-up return, a while loop paging through step results with a cursor
import logging
import os
import secrets

import httpx
from starlette.applications import Starlette
from starlette.routing import Route
from upstash_redis.asyncio import Redis
from upstash_workflow import AsyncWorkflowContext, async_serve

log = logging.getLogger("exports")

EXPORT_API = os.environ.get("EXPORT_API", "https://exports.internal")
queue = Redis.from_env()


async def post_json(path: str, body: dict) -> dict:
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.post(f"{EXPORT_API}{path}", json=body)
        return {"status": resp.status_code}


async def get_json(path: str) -> dict:
    async with httpx.AsyncClient(timeout=30) as client:
        resp = await client.get(f"{EXPORT_API}{path}")
        return resp.json()


@async_serve
async def drain_exports(context: AsyncWorkflowContext[dict]) -> None:
    tenant = context.request_payload["tenant"]
    await context.run("open-export", lambda: post_json("/exports/open", {"tenant": tenant}))
    while (job := await queue.lpop(f"exports:{tenant}")) is not None:  # expect: UWF103, UWF105
        await context.run(f"export-{job}", lambda: post_json("/exports/run", {"tenant": tenant, "job": job}))
    await context.run("close-export", lambda: post_json("/exports/close", {"tenant": tenant}))


@async_serve
async def sample_audit(context: AsyncWorkflowContext[dict]) -> None:
    ledger = context.request_payload["ledger"]
    entries = await context.run("load-entries", lambda: get_json(f"/ledgers/{ledger}/entries"))
    audited = 0
    while audited < len(entries) and secrets.randbelow(10) < 7:  # expect: UWF102, UWF105
        await context.run("audit-entry", lambda i=audited: post_json("/audits", entries[i]))
        audited += 1
    await context.run("close-audit", lambda: post_json(f"/ledgers/{ledger}/audit-closed", {}))


@async_serve
async def push_webhook(context: AsyncWorkflowContext[dict]) -> None:
    target = context.request_payload["target"]
    event = context.request_payload["event"]
    attempt = 0
    while attempt < 4:
        response = await context.call("deliver", url=target, method="POST", body=event)
        if response.status_code < 500:
            break
        attempt += 1
        await context.sleep("backoff", 15 * 2 ** attempt)
    else:
        await context.run("dead-letter", lambda: post_json("/dead-letters", {"target": target, "event": event}))
        return
    await context.run("record-delivery", lambda: post_json("/deliveries", {"target": target, "status": response.status_code}))


@async_serve
async def page_backfill(context: AsyncWorkflowContext[dict]) -> None:
    source = context.request_payload["source"]
    cursor = context.request_payload.get("cursor")
    pages = 0
    while cursor is not None or pages == 0:
        page = await context.run("fetch-page", lambda cursor=cursor: get_json(f"/sources/{source}/page?cursor={cursor or ''}"))
        await context.run("store-page", lambda page=page: post_json(f"/sources/{source}/store", page))
        cursor = page.get("next")
        pages += 1
        if pages >= context.request_payload.get("max_pages", 50):
            log.info("stopping backfill of %s after %d pages", source, pages)
            break
    await context.run("backfill-done", lambda: post_json(f"/sources/{source}/done", {"pages": pages}))


app = Starlette(
    routes=[
        Route("/exports/drain", drain_exports["handler"], methods=["POST"]),
        Route("/audits/sample", sample_audit["handler"], methods=["POST"]),
        Route("/webhooks/push", push_webhook["handler"], methods=["POST"]),
        Route("/backfill/page", page_backfill["handler"], methods=["POST"]),
    ]
)
