# Shapes (no findings expected): official inner-def step style, header auth with secrets.compare_digest and os.getenv before the first step (deterministic early returns), clocks only in sleep_until/call arguments (inline and through a local also logged), random only inside a sleep argument, seeded random.Random, uuid5, time.gmtime(ts), clocks in logging/print arguments, I/O inside steps, a module-level cache mutated in a step, a failure function doing I/O.
from __future__ import annotations

import logging
import os
import random
import secrets
import time
import uuid
from datetime import datetime, timedelta, timezone

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger("payments.capture")

app = FastAPI()
serve = Serve(app)

PSP_URL = "https://psp.example.com/v2"
ALERT_URL = "https://alerts.example.com/hooks/payments"
INTERNAL_SIGNATURE = os.environ.get("INTERNAL_SIGNATURE", "")
RECEIPT_NS = uuid.UUID("0f5e8c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6")
_RECENT_CAPTURES: dict[str, dict] = {}


async def on_capture_failed(context, fail_status, fail_response, fail_headers) -> None:
    async with httpx.AsyncClient(timeout=5) as client:
        await client.post(
            ALERT_URL,
            json={
                "run": context.workflow_run_id,
                "status": fail_status,
                "at": datetime.now(timezone.utc).isoformat(),
                "incident": str(uuid.uuid4()),
            },
        )


@serve.post("/payments/capture", failure_function=on_capture_failed)
async def capture_payment(context: AsyncWorkflowContext[dict]) -> None:
    signature = context.headers.get("x-internal-signature", "")
    if not secrets.compare_digest(signature, INTERNAL_SIGNATURE):
        logger.warning("rejected capture for run %s at %s", context.workflow_run_id, time.time())
        return
    if os.getenv("PAYMENTS_DISABLED") == "1":
        return

    payment = context.request_payload
    logger.info("capture of %s started at %s", payment["id"], datetime.now(timezone.utc))

    async def _authorize() -> dict:
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(f"{PSP_URL}/authorize", json=payment)
            response.raise_for_status()
            return response.json()

    auth = await context.run("authorize", _authorize)

    settle_at = datetime.now(timezone.utc) + timedelta(hours=1)
    logger.info("settling %s at %s", payment["id"], settle_at)
    await context.sleep_until("wait-settlement-window", settle_at)

    await context.sleep("jitter", random.randint(1, 30))

    retry_slot = random.Random(payment["id"]).randrange(0, 60)
    await context.sleep("retry-slot", retry_slot)

    await context.call(
        "capture",
        url=f"{PSP_URL}/capture",
        method="POST",
        body={"auth_id": auth["id"], "requested_at": time.time()},
        headers={"Idempotency-Key": str(uuid.uuid5(RECEIPT_NS, auth["id"]))},
    )

    receipt_day = time.strftime("%Y-%m-%d", time.gmtime(payment["created_ts"]))

    async def _record() -> str:
        _RECENT_CAPTURES[payment["id"]] = auth
        return datetime.now(timezone.utc).isoformat()

    recorded_at = await context.run(f"record-{receipt_day}", _record)
    print("capture recorded", payment["id"], recorded_at, time.time())
