# shapes: 6 labels; FastAPI Serve(app) plus async_serve; a plain def under @serve.post (304) whose step call cannot be awaited (303); an unawaited step call inside a list comprehension (303); `await context.sleep(duration=...)` without a step name (306); a route whose only step call sits in a nested async def that is never called (301); asyncio.wait over a literal list of two step calls (302); fine: an awaited conditional expression of two steps on a payload flag, asyncio.gather of a single step, an annotated workflow helper that returns an awaited step, sequential awaits in a loop with default-argument lambdas
import asyncio
import logging
from typing import Any

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext, async_serve
from upstash_workflow.fastapi import Serve

log = logging.getLogger("accounts")

app = FastAPI()
serve = Serve(app)

ACCOUNTS_API = "https://accounts.internal"


async def api(method: str, path: str, body: Any = None) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=ACCOUNTS_API, timeout=15) as client:
        resp = await client.request(method, path, json=body)
    return {"status": resp.status_code, "body": resp.json() if resp.content else None}


async def notify_owner(context: AsyncWorkflowContext[dict], account_id: str) -> dict[str, Any]:
    return await context.run("notify-owner", lambda: api("POST", f"/accounts/{account_id}/notify"))


@serve.post("/workflows/welcome")
def welcome(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF304
    user_id = context.request_payload["user_id"]
    context.run("send-welcome", lambda: api("POST", f"/users/{user_id}/welcome"))  # expect: UWF303


@serve.post("/workflows/warmup")
async def warm_caches(context: AsyncWorkflowContext[dict]) -> None:
    regions = context.request_payload.get("regions", ["eu", "us"])
    pending = [context.run(f"warm-{r}", lambda r=r: api("POST", f"/cache/{r}/warm")) for r in regions]  # expect: UWF303
    log.info("queued %d warmups", len(pending))
    await context.sleep(duration=300)  # expect: UWF306
    for r in regions:
        await context.run(f"verify-{r}", lambda r=r: api("GET", f"/cache/{r}/status"))


@serve.post("/workflows/archive")
async def archive_account(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
    account_id = context.request_payload["account_id"]

    async def _archive() -> None:
        await context.run("archive", lambda: api("POST", f"/accounts/{account_id}/archive"))

    log.info("archive requested for %s", account_id)


@serve.post("/workflows/close")
async def close_account(context: AsyncWorkflowContext[dict]) -> None:
    account_id = context.request_payload["account_id"]
    fast = bool(context.request_payload.get("fast"))
    await (context.run("close-fast", lambda: api("DELETE", f"/accounts/{account_id}")) if fast else context.run("close-graceful", lambda: api("POST", f"/accounts/{account_id}/close")))
    (receipt,) = await asyncio.gather(context.run("receipt", lambda: api("POST", f"/accounts/{account_id}/receipt")))
    if receipt["status"] >= 400:
        await context.run("receipt-retry-later", lambda: {"account": account_id, "status": receipt["status"]})
    await notify_owner(context, account_id)


async def reconcile(context: AsyncWorkflowContext[dict]) -> None:
    ledger_id = context.request_payload["ledger_id"]
    await asyncio.wait([context.run("pull-bank", lambda: api("GET", f"/bank/{ledger_id}")), context.run("pull-ledger", lambda: api("GET", f"/ledger/{ledger_id}"))])  # expect: UWF302
    await context.run("match", lambda: api("POST", f"/ledger/{ledger_id}/match"))


reconcile_handler = async_serve(reconcile)["handler"]
