# nightly ETL with loguru: a start timestamp read outside steps and used by a later step (reported), clock values passed straight to log calls (exempt), time.strftime without a time argument building a partition (reported), time.strftime over time.gmtime(ts) of the payload (deterministic), a retry loop of context.call steps driven by their responses
import os
import time

from fastapi import FastAPI
from loguru import logger
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from etl.catalog import catalog
from etl.metrics import metrics
from etl.sources import extract_rows
from etl.warehouse import warehouse

app = FastAPI()
serve = Serve(app)

WEBHOOK_URL = os.environ.get("ETL_WEBHOOK_URL", "https://hooks.internal/etl")


@serve.post("/etl/nightly")
async def nightly_etl(context: AsyncWorkflowContext[dict]) -> None:
    source = context.request_payload["source"]
    scheduled_ts = context.request_payload["scheduled_ts"]
    started_at = time.time()  # expect: UWF101
    logger.info("etl call for {} at {}", source, time.time())

    async def _extract() -> list:
        rows = await extract_rows(source)
        return [row.as_dict() for row in rows]

    rows = await context.run("extract", _extract)

    partition = time.strftime("%Y/%m/%d")  # expect: UWF101

    async def _load() -> dict:
        await warehouse.load(f"{source}/{partition}", rows)
        return {"rows": len(rows)}

    loaded = await context.run("load", _load)

    label = time.strftime("%Y-%m-%d", time.gmtime(scheduled_ts))
    await context.run(f"publish-{label}", lambda: catalog.publish(source, label))

    for attempt in range(3):
        response = await context.call(
            f"notify-{attempt}",
            url=WEBHOOK_URL,
            method="POST",
            body={"source": source, "rows": loaded["rows"], "label": label},
        )
        if response.status_code < 500:
            break
        await context.sleep(f"notify-backoff-{attempt}", 10 * (attempt + 1))

    await context.run("metrics", lambda: metrics.gauge("etl.duration_s", time.time() - started_at))
    logger.info("etl for {} finished at {}", source, time.time())
