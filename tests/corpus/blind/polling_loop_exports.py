# polling an external export: a wall-clock deadline loop around steps (the clock decides how many steps run), a step-result-driven polling loop with a bounded attempt counter and for/else (correct), sleep_until with a clock value through a local variable that is also logged (exempt)
import logging
import time
from datetime import datetime, timedelta, timezone

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from reporting.exports import exports

app = FastAPI()
serve = Serve(app)
logger = logging.getLogger(__name__)


@serve.post("/workflows/export")
async def export_report(context: AsyncWorkflowContext[dict]) -> None:
    report_id = context.request_payload["report_id"]

    async def _start() -> dict:
        job = await exports.start(report_id)
        return {"id": job.id}

    job = await context.run("start-export", _start)

    deadline = time.time() + 15 * 60  # expect: UWF101
    while time.time() < deadline:  # expect: UWF101, UWF105
        status = await context.run("poll-export", lambda: exports.status(job["id"]))
        if status["state"] == "done":
            break
        await context.sleep("poll-wait", 30)

    await context.run("deliver", lambda: exports.deliver(job["id"]))


@serve.post("/workflows/export-v2")
async def export_report_v2(context: AsyncWorkflowContext[dict]) -> None:
    report_id = context.request_payload["report_id"]
    recipient = context.request_payload["recipient"]

    async def _start() -> dict:
        job = await exports.start(report_id)
        return {"id": job.id}

    job = await context.run("start-export", _start)

    for attempt in range(30):
        status = await context.run(f"poll-{attempt}", lambda: exports.status(job["id"]))
        if status["state"] == "done":
            break
        await context.sleep(f"poll-wait-{attempt}", "30s")
    else:
        await context.run("give-up", lambda: exports.cancel(job["id"]))
        return

    deliver_at = datetime.now(timezone.utc) + timedelta(hours=12)
    logger.info("export %s ready, delivering at %s", report_id, deliver_at)
    await context.sleep_until("wait-delivery-window", deliver_at)

    await context.run("deliver", lambda: exports.deliver(job["id"], recipient))
