# shapes: routes attached to `serve` imported from app.py (this module never imports upstash_workflow: it is workflow code through the imported Serve object and the InvoiceCtx alias); delegation to InvoiceSaga/DunningRunner/AuditTrail from the services package re-export; an InvoiceRepository instance created at module level, read outside a step with an early return (and inside a step in another route, fine); FxRates.current (staticmethod, requests) deciding steps; BillingCalendar.period_label (classmethod, clock) in a step name; BillingCalendar.next_run_at (clock) reaching only logging and sleep_until (fine); a settings singleton method deciding steps (environment, fine); the clock in a logging argument (fine); a route whose only delegate never makes a step
import functools
import logging
from datetime import datetime, timezone

from paybridge.app import serve
from paybridge.gateways import BillingCalendar, FxRates, ledger
from paybridge.repositories import InvoiceRepository
from paybridge.services import AuditTrail, DunningRunner, InvoiceSaga
from paybridge.settings import settings
from paybridge.typing_helpers import InvoiceCtx

log = logging.getLogger(__name__)

invoices = InvoiceRepository()


@serve.post("/invoices/issue")
async def issue_invoice(context: InvoiceCtx) -> None:
    payload = context.request_payload
    invoice_id = payload["invoice_id"]
    current = invoices.status(invoice_id)  # expect: UWF103
    if current == "paid":
        log.info("invoice %s already paid, nothing to issue", invoice_id)
        return  # expect: UWF104
    saga = InvoiceSaga(context, ledger)
    await saga.execute(payload)


@serve.post("/invoices/settle-fx")
async def settle_fx(context: InvoiceCtx) -> None:
    payload = context.request_payload
    rate = FxRates.current(payload["pair"])  # expect: UWF103
    if rate >= payload["min_rate"]:  # expect: UWF105
        await context.run("settle-now", functools.partial(ledger.settle, payload["invoice_id"], rate))
    else:
        await context.sleep("wait-for-better-rate", 3600)
    await context.run("record-attempt", functools.partial(ledger.record_fx_attempt, payload["invoice_id"], FxRates.cache_key(payload["pair"])))


@serve.post("/billing/close-period")
async def close_period(context: InvoiceCtx) -> None:
    account_id = context.request_payload["account_id"]
    label = BillingCalendar.period_label()  # expect: UWF101
    await context.run(f"close-{label}", functools.partial(ledger.close_period, account_id))  # expect: UWF106
    next_run = BillingCalendar.next_run_at()
    log.info("next close for %s at %s", account_id, next_run)
    await context.sleep_until("wait-next-close", next_run)
    await context.run("reopen-period", functools.partial(ledger.reopen_period, account_id))


@serve.post("/invoices/dunning")
async def run_dunning(context: InvoiceCtx) -> None:
    invoice_id = context.request_payload["invoice_id"]
    log.info("dunning requested for %s at %s", invoice_id, datetime.now(timezone.utc).isoformat())
    status = await context.run("load-status", lambda: invoices.status(invoice_id))
    if status == "paid":
        return
    if not settings.feature_enabled("dunning"):
        await context.run("skip-dunning", lambda: {"skipped": invoice_id})
        return
    runner = DunningRunner(context, max_attempts=settings.dunning_attempts, interval_seconds=settings.dunning_interval_seconds)
    await runner.run(invoice_id)


@serve.post("/invoices/audit")
async def audit_invoice(context: InvoiceCtx) -> None:  # expect: UWF301
    trail = AuditTrail(context)
    trail.record("invoice-audit-requested")
    log.info("audit queued for %s", context.request_payload.get("invoice_id"))
