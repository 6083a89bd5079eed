# shapes: correct SDK module: async_serve(fn)["handler"]; clients constructed in orchestration (httpx.AsyncClient, upstash_redis.asyncio Redis.from_env under an alias, boto3.client) and used only inside steps; imported redis and boto3 reads inside structlog and loguru arguments; a redis read directly in a sleep duration (int(...)) and time.time() in a call body (exempt); time.strftime(fmt, time.gmtime(ts)) and datetime.fromtimestamp lookalikes; a datetime.now() deadline through one local reaching only sleep_until
import time
from datetime import datetime, timedelta, timezone

import boto3
import httpx
import structlog
from loguru import logger
from upstash_redis.asyncio import Redis as AsyncUpstash
from upstash_workflow import AsyncWorkflowContext, async_serve

from pantry.clients import cache, s3

log = structlog.get_logger()


async def email_receipt(context: AsyncWorkflowContext[dict]) -> None:
    order_id = context.request_payload["order_id"]
    placed_at = context.request_payload["placed_at"]
    mailer = httpx.AsyncClient(base_url="https://mail.example.com", timeout=5.0)
    counters = AsyncUpstash.from_env()
    archive = boto3.client("s3")
    log.info("receipt requested", order=order_id, pending=cache.llen("receipts:pending"))
    logger.info("archived receipt size for {}: {}", order_id, s3.head_object(Bucket="pantry-receipts", Key=f"{order_id}.pdf")["ContentLength"])
    month = time.strftime("%Y-%m", time.gmtime(placed_at))
    placed = datetime.fromtimestamp(placed_at, tz=timezone.utc)

    async def _render() -> str:
        response = await mailer.post("/render", json={"order": order_id, "month": month})
        return response.text

    html = await context.run(f"render-{month}", _render)
    await context.run("count-receipt", lambda: counters.incr(f"receipts:{month}"))
    await context.sleep("quiet-period", int(cache.get("receipt-delay-seconds") or 60))
    send_at = datetime.now(tz=timezone.utc) + timedelta(hours=1)
    await context.sleep_until("send-window", send_at)
    await context.call("deliver", url="https://mail.example.com/send", method="POST", body={"order": order_id, "html": html, "placed": placed.isoformat(), "queued_at": time.time()})
    await context.run("archive-html", lambda: archive.put_object(Bucket="pantry-receipts", Key=f"{order_id}.html", Body=html)["ETag"])


handler = async_serve(email_receipt)["handler"]
