# shapes: correct: FastAPI Serve(app), context named `wf`, nested async def steps (also inside if-branches), a deterministic early return on a header signature checked with secrets.compare_digest before the first step, branches and an early return on step results, a datetime.now() deadline held in a local used only by sleep_until and logging, clock and uuid reads inside steps and in logging arguments
import hmac
import logging
import os
import secrets
from datetime import datetime, timedelta, timezone

import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("kyc")

app = FastAPI()
serve = Serve(app)

KYC_API = os.environ.get("KYC_API", "https://kyc.example.com")
CRM_HOOK = os.environ.get("CRM_HOOK", "https://crm.example.com/hooks/kyc")
SHARED_SECRET = os.environ.get("KYC_SHARED_SECRET", "")
REVIEW_HOURS = 24


def _expected_signature(applicant_id: str) -> str:
    return hmac.new(SHARED_SECRET.encode(), applicant_id.encode(), "sha256").hexdigest()


@serve.post("/kyc/review")
async def review_applicant(wf: AsyncWorkflowContext[dict]) -> None:
    payload = wf.request_payload
    applicant_id = payload["applicant_id"]
    signature = wf.headers.get("x-kyc-signature", "")
    if not secrets.compare_digest(signature, _expected_signature(applicant_id)):
        logger.warning("unsigned KYC request for %s at %s", applicant_id, datetime.now(timezone.utc))
        return

    async def _submit() -> dict:
        async with httpx.AsyncClient(base_url=KYC_API, timeout=20) as client:
            resp = await client.post("/checks", json={"applicant": applicant_id, "documents": payload["documents"]})
            resp.raise_for_status()
            return resp.json()

    check = await wf.run("submit-documents", _submit)

    if check["status"] == "clear":
        async def _approve() -> str:
            async with httpx.AsyncClient(base_url=KYC_API, timeout=20) as client:
                await client.post(f"/applicants/{applicant_id}/approve")
            return "approved"

        await wf.run("auto-approve", _approve)
        return

    review_until = datetime.now(timezone.utc) + timedelta(hours=REVIEW_HOURS)
    logger.info("waiting for a reviewer on %s until %s", applicant_id, review_until)
    await wf.sleep_until("manual-review-window", review_until)

    async def _decision() -> dict:
        async with httpx.AsyncClient(base_url=KYC_API, timeout=20) as client:
            resp = await client.get(f"/checks/{check['id']}/decision")
            body = resp.json()
        return {"approved": bool(body.get("approved")), "checked_at": datetime.now(timezone.utc).isoformat()}

    decision = await wf.run("fetch-decision", _decision)
    logger.info("decision for %s: %s", applicant_id, decision)

    if decision["approved"]:
        await wf.call(
            "notify-crm",
            url=CRM_HOOK,
            method="POST",
            body={"applicant": applicant_id, "checked_at": decision["checked_at"]},
        )
    else:
        await wf.run("reject", lambda: {"applicant": applicant_id, "rejected": True})


@app.get("/kyc/health")
def health() -> dict:
    return {"ok": True}
