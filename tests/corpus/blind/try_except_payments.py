# try/except around steps: except Exception that logs and goes on, a handler tuple containing Exception, contextlib.suppress(Exception) around a step; handlers that re-raise WorkflowAbort first (isinstance check, except WorkflowAbort before, logging then bare raise), narrow handlers and broad handlers around non-step code, which are correct
import contextlib
import logging
import os

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext, WorkflowAbort
from upstash_workflow.fastapi import Serve

from payments.psp import (
    PaymentDeclined,
    capture_payment,
    notify_merchant,
    reconcile,
    send_receipt,
    void_duplicates,
)

app = FastAPI()
serve = Serve(app)
logger = logging.getLogger("payments.capture")

LEDGER_URL = os.environ.get("LEDGER_URL", "https://ledger.internal/entries")


@serve.post("/workflows/capture")
async def capture(context: AsyncWorkflowContext[dict]) -> None:
    try:
        payment_id = context.request_payload["payment_id"]
        amount = int(context.request_payload.get("amount", 0))
    except Exception:
        logger.warning("malformed capture payload: %r", context.request_payload)
        raise

    try:
        result = await context.run("capture", lambda: capture_payment(payment_id, amount))
    except PaymentDeclined:
        result = {"status": "declined"}

    try:
        await context.run("notify-merchant", lambda: notify_merchant(payment_id, result["status"]))
    except Exception as exc:  # expect: UWF305
        logger.warning("merchant notification failed: %s", exc)

    try:
        await context.call("ledger", url=LEDGER_URL, method="POST", body={"payment_id": payment_id, "result": result})
    except Exception as exc:
        if isinstance(exc, WorkflowAbort):
            raise
        logger.error("ledger call failed: %s", exc)

    try:
        await context.run("receipt", lambda: send_receipt(payment_id))
    except WorkflowAbort:
        raise
    except Exception:
        logger.exception("receipt for %s failed", payment_id)

    try:
        await context.run("reconcile", lambda: reconcile(payment_id))
    except Exception:
        logger.exception("reconcile for %s failed", payment_id)
        raise

    try:
        await context.run("void-duplicates", lambda: void_duplicates(payment_id))
    except (httpx.HTTPError, Exception):  # expect: UWF305
        pass

    async def _archive() -> dict:
        try:
            async with httpx.AsyncClient(timeout=5) as client:
                await client.post("https://archive.internal/payments", json={"id": payment_id})
        except Exception:
            logger.exception("archive failed, will be picked up by the sweeper")
        return {"archived": True}

    await context.run("archive", _archive)

    with contextlib.suppress(Exception):  # expect: UWF305
        await context.run("cleanup", lambda: void_duplicates(payment_id, dry_run=False))

    with contextlib.suppress(KeyError):
        await context.run("final-status", lambda: {"status": result["status"]})
