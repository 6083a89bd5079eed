# Correct module. pydantic settings and env vars read at import time and inside the route (a kill switch before the first step), sleep_until with a clock value through a local variable that is also logged (Upstash's own pattern), context.call with a timestamp in its body, stdlib logging with clock values as arguments, a step-result-driven early return
import logging
import os
from datetime import datetime, timedelta, timezone

from fastapi import FastAPI
from pydantic_settings import BaseSettings
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from digest.data import collect_stats, send_digest
from digest.alerts import page_oncall


class Settings(BaseSettings):
    digest_api: str = "https://digest.internal"
    send_delay_hours: int = 8
    batch_size: int = 100


settings = Settings()
DIGEST_ENABLED = os.getenv("DIGEST_ENABLED", "1") == "1"

app = FastAPI()
serve = Serve(app)
logger = logging.getLogger("digest")


@serve.post("/workflows/weekly-digest")
async def weekly_digest(context: AsyncWorkflowContext[dict]) -> None:
    if not DIGEST_ENABLED or os.environ.get("DIGEST_PAUSED") == "1":
        logger.info("digest paused, checked at %s", datetime.now(timezone.utc))
        return

    account_id = context.request_payload["account_id"]
    api_key = os.environ.get("DIGEST_API_KEY", "")

    async def _gather() -> dict:
        stats = await collect_stats(account_id, limit=settings.batch_size)
        return {"opens": stats.opens, "clicks": stats.clicks, "top": stats.top_items}

    stats = await context.run("gather-stats", _gather)

    send_at = datetime.now(timezone.utc) + timedelta(hours=settings.send_delay_hours)
    logger.info("digest for %s scheduled at %s", account_id, send_at)
    await context.sleep_until("wait-send-window", send_at)

    rendered = await context.call(
        "render-digest",
        url=f"{settings.digest_api}/render",
        method="POST",
        body={
            "account_id": account_id,
            "stats": stats,
            "generated_at": datetime.now(timezone.utc).isoformat(),
        },
        headers={"x-api-key": api_key},
    )

    if rendered.status_code != 200:
        async def _alert() -> None:
            await page_oncall(f"digest render failed for {account_id}: {rendered.status_code}")

        await context.run("alert-render-failed", _alert)
        return

    await context.run("send-digest", lambda: send_digest(account_id, rendered.body))
    logger.info("digest for %s sent at %s", account_id, datetime.now(timezone.utc).isoformat())
