# shapes: `from upstash_workflow import AsyncWorkflowContext as Ctx`; relative imports `from ..util.clock import now_utc` and `from ..util import http as http_util`; workflow helpers annotated `Ctx[dict]`, called from settlement.py positionally and by keyword, with their findings inside them (a random audit sample and a weekend check deciding steps); a clock value reaching only `sleep_until`; a one-step helper also called inside a step in chargebacks.py
import random
from datetime import timedelta

from upstash_workflow import AsyncWorkflowContext as Ctx

from ..util import http as http_util
from ..util.clock import now_utc

MERCHANT_WEBHOOK = "https://merchants.internal/hooks/disputes"


async def open_dispute(context: Ctx[dict], account_id: str, delta_cents: int) -> str:
    if random.random() < 0.05:  # expect: UWF102, UWF105
        await context.run("sample-for-audit", lambda: http_util.post_json("/audit/samples", {"account_id": account_id}))
    if now_utc().weekday() >= 5:  # expect: UWF101, UWF105
        await context.sleep("wait-for-weekday", 86400)
    grace_ends = now_utc() + timedelta(hours=2)
    await context.sleep_until("dispute-grace", grace_ends)
    case = await context.run("open-case", lambda: http_util.post_json("/disputes", {"account_id": account_id, "delta_cents": delta_cents}))
    return case["case_id"]


async def notify_merchant(context: Ctx[dict], case_id: str) -> None:
    await context.call("notify-merchant", url=MERCHANT_WEBHOOK, method="POST", body={"case_id": case_id})
