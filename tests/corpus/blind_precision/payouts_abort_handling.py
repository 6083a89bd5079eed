# shapes: correct; FastAPI Serve(app); WorkflowAbort imported from upstash_workflow.error; handlers around steps that never swallow the abort: `if type(exc) is WorkflowAbort: raise` first, a tuple of file exception classes (one a RuntimeError subclass), `except WorkflowAbort: raise` before `except httpx.HTTPStatusError` that raises a domain error, contextlib.suppress of a file exception class, try/finally with logging only, try/except Exception inside a step body; an annotated workflow helper with `except WorkflowAbort: raise` then `except Exception` that logs and raises
import contextlib
import logging
from typing import Any

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.error import WorkflowAbort
from upstash_workflow.fastapi import Serve

log = logging.getLogger("payouts")

app = FastAPI()
serve = Serve(app)

LEDGER_API = "https://ledger.internal"
RECEIPT_URL = "https://receipts.internal/send"


class PayoutRejected(Exception):
    """The ledger refused the payout."""


class LedgerUnavailable(RuntimeError):
    """The ledger answered 503."""


class AlreadyNotified(Exception):
    """The recipient was notified by an earlier run."""


async def ledger(method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=LEDGER_API, timeout=10) as client:
        resp = await client.request(method, path, json=body)
    if resp.status_code == 503:
        raise LedgerUnavailable(path)
    if resp.status_code == 409:
        raise PayoutRejected(resp.text)
    resp.raise_for_status()
    return resp.json()


async def settle(context: AsyncWorkflowContext[dict[str, Any]], payout_id: str) -> None:
    try:
        await context.run("settle", lambda: ledger("POST", f"/payouts/{payout_id}/settle"))
    except WorkflowAbort:
        raise
    except Exception as exc:
        log.exception("settlement failed for %s", payout_id)
        raise PayoutRejected(payout_id) from exc


@serve.post("/workflows/payouts")
async def run_payout(context: AsyncWorkflowContext[dict[str, Any]]) -> None:
    payout = context.request_payload
    payout_id = payout["payout_id"]

    try:
        account = await context.run("load-account", lambda: ledger("GET", f"/accounts/{payout['account_id']}"))
    except Exception as exc:
        if type(exc) is WorkflowAbort:
            raise
        log.error("could not load account for %s: %s", payout_id, exc)
        raise

    try:
        await context.run("reserve-funds", lambda: ledger("POST", "/reservations", {"account": account["id"], "cents": payout["cents"]}))
    except (PayoutRejected, LedgerUnavailable) as exc:
        log.warning("reservation failed for %s: %s", payout_id, exc)
        raise

    try:
        transfer = await context.run("transfer", lambda: ledger("POST", "/transfers", {"payout": payout_id}))
    except WorkflowAbort:
        raise
    except httpx.HTTPStatusError as exc:
        raise PayoutRejected(f"transfer failed: {exc.response.status_code}") from exc

    with contextlib.suppress(AlreadyNotified):
        await context.run("mark-notified", lambda: ledger("POST", f"/payouts/{payout_id}/notified"))

    await settle(context, payout_id)

    async def _send_receipt() -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(timeout=5) as client:
                r = await client.post(RECEIPT_URL, json={"payout": payout_id, "transfer": transfer["id"]})
            return {"sent": r.status_code < 400}
        except Exception as exc:
            log.warning("receipt for %s failed: %s", payout_id, exc)
            return {"sent": False}

    receipt_section_entered = False
    try:
        receipt_section_entered = True
        await context.run("send-receipt", _send_receipt)
    finally:
        log.info("payout %s receipt section left (entered=%s)", payout_id, receipt_section_entered)
