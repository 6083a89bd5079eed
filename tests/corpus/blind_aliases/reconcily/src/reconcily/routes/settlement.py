# shapes: `from reconcily.app import serve as workflow_serve`; the `ReconCtx` alias of wf_types.py; `import reconcily.ledger.store as store` (sqlite3) deciding an early return; `current_rate as fx_rate`, re-exported two packages deep, at the end of a three-module chain (fx -> http -> transport), deciding a step; `from reconcily import matching`: imported step factories (partial, nested def) next to an eager imported call; a `# wfcheck: deterministic` helper in a step name; a clock helper deciding a sleep; a clock helper reaching only `sleep_until`; `from reconcily.flows import disputes` then `disputes.open_dispute(context, ...)` and `disputes.notify_merchant(context=context, ...)`; source helpers inside steps
import logging
from datetime import timedelta

import reconcily.ledger.store as store
from reconcily import matching
from reconcily.app import serve as workflow_serve
from reconcily.flows import disputes
from reconcily.ledger import current_rate as fx_rate
from reconcily.ledger import statement_total
from reconcily.util.clock import business_day, is_cutoff_passed, next_settlement_window
from reconcily.wf_types import ReconCtx

log = logging.getLogger(__name__)


@workflow_serve.post("/workflows/settle-batch")
async def settle_batch(context: ReconCtx) -> None:
    batch = context.request_payload
    batch_id = batch["batch_id"]
    if store.already_reconciled(batch_id):  # expect: UWF103
        log.info("batch %s already reconciled", batch_id)
        return  # expect: UWF104

    day = business_day()
    lines = await context.run(f"load-lines-{day}", matching.loader_for(batch["account_id"], day))
    matched = await context.run("match-lines", matching.make_matcher(lines, tolerance_cents=5))
    report = await context.run("summarize", matching.summarize(matched))  # expect: UWF203

    rate = fx_rate(batch["currency"])  # expect: UWF103
    if rate > 1.5:  # expect: UWF105
        await context.run("flag-fx-outlier", lambda: matching.flag_outlier(batch_id, report))

    if is_cutoff_passed():  # expect: UWF101, UWF105
        await context.sleep("wait-for-next-window", 3600)

    window = next_settlement_window() + timedelta(minutes=5)
    log.info("settling %s at %s", batch_id, window)
    await context.sleep_until("settlement-window", window.timestamp())
    await context.run("post-settlement", lambda: matching.post_settlement(batch_id, report))
    await context.run("mark-reconciled", lambda: store.mark_reconciled(batch_id, len(matched)))


@workflow_serve.post("/workflows/reconcile-statement")
async def reconcile_statement(context: ReconCtx) -> None:
    req = context.request_payload
    account_id, day = req["account_id"], req["day"]
    total = await context.run("statement-total", lambda: statement_total(account_id, day))
    expected = await context.run("ledger-total", lambda: store.ledger_total(account_id, day))
    if total != expected:
        case_id = await disputes.open_dispute(context, account_id, total - expected)
        await disputes.notify_merchant(context=context, case_id=case_id)
    await context.run("fx-snapshot", lambda: {"rate": fx_rate(req["currency"]), "day": day})
    log.info("statement %s/%s reconciled", account_id, day)
