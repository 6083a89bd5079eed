# shapes: outbound mail and archive calls (no SDK) reading requests and the clock freely; send_documents, an unannotated workflow helper that makes one step and reads no source before it
import logging
from datetime import datetime, timezone

import requests

log = logging.getLogger(__name__)

MAILER_URL = "https://mailer.internal/api/send"
ARCHIVE_URL = "https://archive.internal/api/quotes"


def email_quote(quote_id: str, premium: float = None, declined: bool = False) -> dict:
    resp = requests.post(
        MAILER_URL,
        json={"template": "quote", "quote_id": quote_id, "premium": premium, "declined": declined},
        timeout=10,
    )
    log.info("mailer answered %s", resp.status_code)
    return {"status": resp.status_code, "sent_at": datetime.now(timezone.utc).isoformat()}


def refer_to_underwriter(applicant_id: str, quote: dict) -> dict:
    resp = requests.post(f"{MAILER_URL}/referrals", json={"applicant": applicant_id, "quote": quote}, timeout=10)
    return {"status": resp.status_code}


def archive_quote(ref: str, quote: dict) -> dict:
    resp = requests.put(f"{ARCHIVE_URL}/{ref}", json=quote, timeout=10)
    return {"status": resp.status_code, "ref": ref}


def log_failure(run_id: str, status: int, at: str) -> None:
    requests.post(f"{ARCHIVE_URL}/failures", json={"run": run_id, "status": status, "at": at}, timeout=5)


async def send_documents(context, quote_id: str) -> None:
    await context.run("send-policy-documents", lambda: email_quote(quote_id))
