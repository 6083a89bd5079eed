# shapes: UWF305 for try shapes earlier corpora skip: `except* Exception`, an outer `except Exception` around an inner try whose own handler is narrow, a broad handler after a narrow one in a retry loop, a tuple `(ValueError, BaseException)`, an `isinstance` re-raise of the wrong class, `suppress(Exception)` imported from contextlib, and `contextlib.suppress(BaseException)`. One step per flagged try. Fine: `except* httpx.HTTPStatusError`, the inner narrow handler itself, and `try/except Exception` inside step bodies
import contextlib
import logging
from contextlib import suppress

import httpx
from upstash_workflow import AsyncWorkflowContext, async_serve

log = logging.getLogger("kyc")

KYC_URL = "https://kyc.example.com"


async def verify_document(applicant_id: str) -> dict:
    try:
        async with httpx.AsyncClient() as client:
            resp = await client.post(f"{KYC_URL}/documents/{applicant_id}/verify")
            resp.raise_for_status()
            return resp.json()
    except Exception as exc:
        log.warning("document check degraded: %s", exc)
        return {"verified": False, "reason": "provider-error"}


async def screen_sanctions(applicant_id: str) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"{KYC_URL}/sanctions/{applicant_id}")
        return {"hit": resp.json().get("hit", False)}


async def onboard(context: AsyncWorkflowContext[dict]) -> None:
    applicant_id = context.request_payload["applicant_id"]

    try:
        document = await context.run("verify-document", lambda: verify_document(applicant_id))
    except* httpx.HTTPStatusError:
        log.error("document provider rejected %s", applicant_id)
        document = {"verified": False}

    try:
        sanctions = await context.run("screen-sanctions", lambda: screen_sanctions(applicant_id))
    except* Exception:  # expect: UWF305
        log.error("sanctions screening failed for %s", applicant_id)
        sanctions = {"hit": False}

    try:
        try:
            await context.call("credit-check", url=f"{KYC_URL}/credit/{applicant_id}", method="POST", retries=2)
        except httpx.HTTPStatusError:
            log.warning("credit bureau unavailable")
    except Exception:  # expect: UWF305
        log.exception("credit check crashed")

    for attempt in range(3):
        try:
            await context.call(f"address-check-{attempt}", url=f"{KYC_URL}/address/{applicant_id}")
            break
        except ValueError:
            log.warning("bad address payload")
        except Exception as exc:  # expect: UWF305
            log.warning("address check attempt %d failed: %s", attempt, exc)

    try:
        await context.sleep("manual-review-window", "1d")
    except (ValueError, BaseException):  # expect: UWF305
        log.error("review window interrupted")

    try:
        await context.run("record-result", lambda: {"applicant": applicant_id, "verified": document.get("verified"), "hit": sanctions["hit"]})
    except Exception as exc:  # expect: UWF305
        if isinstance(exc, ValueError):
            raise
        log.error("could not record result: %s", exc)

    with suppress(Exception):  # expect: UWF305
        await context.call("crm-sync", url=f"{KYC_URL}/crm/{applicant_id}", method="PUT", body={"status": "reviewed"})

    with contextlib.suppress(BaseException):  # expect: UWF305
        await context.sleep("cleanup-delay", 120)

    await context.run("close", lambda: {"applicant": applicant_id, "closed": True})


onboard_endpoint = async_serve(onboard)
