# shapes: (clean) a backfill route under per-file-ignores ("payrun/backfill.py" = ["UWF101", "UWF103"]): a clock read and a database read before the first step whose values reach only a step body, so neither they nor any consequence is reported
import time

from upstash_workflow import AsyncWorkflowContext

from payrun import payroll_db
from payrun.api import serve


@serve.post("/backfill")
async def backfill_ledger(context: AsyncWorkflowContext[dict]) -> None:
    tenant_id = context.request_payload["tenant_id"]
    started_at = time.time()
    missing = payroll_db.count_missing_entries(tenant_id)

    await context.run("backfill-entries", lambda: payroll_db.backfill(tenant_id, missing, started_at))
    await context.run("verify-backfill", lambda: payroll_db.verify(tenant_id))
