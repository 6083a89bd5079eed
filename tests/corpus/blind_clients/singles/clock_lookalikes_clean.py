# shapes: correct SDK module: sync serve(fn)["handler"]; a secrets.compare_digest header check with an early return before the first step; deterministic clock and randomness lookalikes deciding steps and naming them: time.strftime(fmt, time.gmtime(ts)), time.localtime(ts), time.ctime(ts), time.asctime(tuple), datetime.fromtimestamp, datetime.fromisoformat, date.fromisoformat, uuid5, uuid3, a random.Random seeded from the payload; a datetime.now() deadline through one local reaching only sleep_until and a logging call; time.time() directly in a call body
import logging
import random
import secrets
import time
import uuid
from datetime import date, datetime, timedelta, timezone

from upstash_workflow import WorkflowContext, serve

logger = logging.getLogger(__name__)
BILLING_NS = uuid.UUID("2b0c8a5e-6a3f-4c1e-8f7d-9a1b2c3d4e5f")


def compute_totals(account: str, period: str) -> dict:
    return {"account": account, "period": period, "total_cents": 0}


def queue_review(reference: str) -> str:
    return f"review:{reference}"


def apply_late_fee(account: str, totals: dict) -> int:
    return totals["total_cents"] // 100


def close_period(context: WorkflowContext[dict]) -> None:
    payload = context.request_payload
    if not secrets.compare_digest(context.headers.get("x-billing-key", ""), payload["key"]):
        return
    closed_at = payload["closed_at"]
    period = time.strftime("%Y-%m", time.gmtime(closed_at))
    weekday = time.localtime(closed_at).tm_wday
    opened = date.fromisoformat(payload["opened_on"])
    stamp = datetime.fromtimestamp(closed_at, tz=timezone.utc)
    batch_id = uuid.uuid5(BILLING_NS, f"{payload['account']}/{period}")
    legacy_id = uuid.uuid3(uuid.NAMESPACE_URL, payload["account"])
    rng = random.Random(f"{payload['account']}:{period}")
    totals = context.run(f"totals-{batch_id.hex[:12]}", lambda: compute_totals(payload["account"], period))
    if weekday >= 5:
        context.run("weekend-review", lambda: queue_review(str(batch_id)))
    if rng.random() < 0.1:
        context.run("audit-sample", lambda: queue_review(str(legacy_id)))
    if time.ctime(closed_at).startswith("Fri"):
        context.run("friday-close", lambda: queue_review(period))
    context.run(f"archive-{time.asctime(time.gmtime(closed_at))[-4:]}", lambda: queue_review(f"archive/{period}"))
    resume = datetime.now(tz=timezone.utc) + timedelta(days=1)
    logger.info("resuming %s at %s", period, resume)
    context.sleep_until("grace-period", resume)
    if (stamp - datetime.fromisoformat(payload["due_at"])).days > 30 and opened.year < stamp.year:
        context.run("late-fee", lambda: apply_late_fee(payload["account"], totals))
    context.call("ledger", url="https://ledger.example.com/close", method="POST", body={"period": period, "totals": totals, "sent": time.time()})


handler = serve(close_period)["handler"]
