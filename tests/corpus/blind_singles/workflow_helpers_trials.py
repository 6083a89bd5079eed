# shapes: FastAPI Serve(APIRouter), a context type alias `WfCtx = AsyncWorkflowContext[dict]` on the route and on workflow helpers of the file called with the context (positionally and by keyword), whose own sources are reported inside them: pendulum.now() deciding a step, random.choice reaching a step name, asyncio.sleep, Path(...).iterdir() deciding a loop of steps (no separate step-name finding inside it); fine: no findings at the helper calls, a helper's datetime.now() deadline reaching only sleep_until, file reads inside steps
import asyncio
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pendulum
from fastapi import APIRouter
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

WfCtx = AsyncWorkflowContext[dict]

router = APIRouter(prefix="/trials")
serve = Serve(router)

INBOX_DIR = "/var/spool/trials"
PLATFORM = "https://platform.example.com/trials"
WEEKEND = {5, 6}


async def platform(action: str, body: dict) -> int:
    async with httpx.AsyncClient(timeout=15) as client:
        resp = await client.post(f"{PLATFORM}/{action}", json=body)
        return resp.status_code


async def import_file(account_id: str, path: str) -> int:
    rows = Path(path).read_text().splitlines()
    return await platform("import", {"account": account_id, "rows": rows})


async def open_trial(ctx: WfCtx, account_id: str) -> None:
    if pendulum.now("UTC").day_of_week in WEEKEND:  # expect: UWF101, UWF105
        await ctx.sleep("wait-for-monday", "2d")
    variant = random.choice(["short", "long"])  # expect: UWF102
    await ctx.run(f"trial-{variant}", lambda: platform("open", {"account": account_id, "variant": variant}))  # expect: UWF106
    await asyncio.sleep(2)  # expect: UWF107


async def import_uploads(ctx: WfCtx, account_id: str) -> int:
    count = 0
    for path in sorted(Path(INBOX_DIR).iterdir()):  # expect: UWF103, UWF105
        await ctx.run(f"import-{path.name}", lambda p=str(path): import_file(account_id, p))
        count += 1
    return count


async def schedule_expiry(ctx: WfCtx, days: int) -> None:
    expires = datetime.now(timezone.utc) + timedelta(days=days)
    await ctx.sleep_until("trial-expiry", expires)
    await ctx.run("expire", lambda: platform("expire", {"account": ctx.request_payload["account_id"]}))


@serve.post("/start")
async def start_trial(ctx: WfCtx) -> None:
    account_id = ctx.request_payload["account_id"]
    await open_trial(ctx, account_id)
    imported = await import_uploads(ctx=ctx, account_id=account_id)
    await ctx.run("summary", lambda: {"account": account_id, "imported": imported})
    await schedule_expiry(ctx, days=14)
