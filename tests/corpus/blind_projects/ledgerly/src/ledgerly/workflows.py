# shapes: Flask routes on a Serve imported from another module (no SDK import here), relative imports, helpers re-exported by services/__init__.py, `from .services import billing` then billing.fn(), the sessionmaker from db.py used outside a step (finding) and inside one (fine), project helpers returning a dataclass / a Decimal as step results, an imported one-step workflow helper called inside a step, an async step on the sync context, contextlib.suppress around a step, a route whose only step is made by an imported helper
from __future__ import annotations

import contextlib
from datetime import date

from .app import serve
from .db import (
    InvoiceRow,
    SessionLocal,
    invoice_as_dict,
    invoice_total,
    list_overdue,
    load_invoice,
    mark_overdue,
    mark_paid,
)
from .services import billing, charge_card, send_customer_email


@serve.route("/workflows/invoices/collect")
def collect_invoice(context) -> None:
    invoice_id = context.request_payload["invoice_id"]

    with SessionLocal() as session:
        row = session.get(InvoiceRow, invoice_id)  # expect: UWF103
    if row is None or row.status == "paid":
        return  # expect: UWF104

    invoice = context.run("load-invoice", lambda: load_invoice(invoice_id))  # expect: UWF204
    total = context.run("invoice-total", lambda: invoice_total(invoice_id))  # expect: UWF204

    def _charge_and_notify() -> dict:
        result = charge_card(invoice.customer_id, str(total), idempotency_key=f"collect-{invoice_id}")
        send_customer_email(context, {"id": invoice_id, "customer_id": invoice.customer_id}, "receipt")  # expect: UWF202
        return result

    charge = context.run("charge-card", _charge_and_notify)

    async def _mark_paid() -> dict:
        return mark_paid(invoice_id, charge["id"])

    context.run("mark-paid", _mark_paid)  # expect: UWF205


@serve.route("/workflows/invoices/remind")
def remind_invoice(context) -> None:
    invoice_id = context.request_payload["invoice_id"]

    def _load_status():
        with SessionLocal() as session:
            row = session.get(InvoiceRow, invoice_id)
            return None if row is None else row.status

    status = context.run("load-status", _load_status)
    if status in (None, "paid", "void"):
        return

    invoice = context.run("load-invoice", lambda: invoice_as_dict(invoice_id))
    context.sleep("grace-period", "3d")
    send_customer_email(context, invoice, "reminder")


@serve.route("/workflows/invoices/refund")
def refund_invoice(context) -> None:
    payload = context.request_payload
    rate = billing.current_fx_rate(payload["currency"])  # expect: UWF103
    amount = context.run("convert-amount", lambda: round(payload["amount_usd"] * rate, 2))
    refund = context.run("refund", lambda: billing.refund_charge(payload["charge_id"], amount))
    with contextlib.suppress(Exception):  # expect: UWF305
        context.run("notify-accounting", lambda: billing.notify_accounting(refund))


@serve.route("/workflows/invoices/sweep")
def sweep_overdue(context) -> None:
    as_of = date.today()  # expect: UWF101
    overdue = context.run("list-overdue", lambda: list_overdue(as_of.isoformat()))
    for invoice_id in overdue:
        context.run(f"flag-{invoice_id}", lambda i=invoice_id: mark_overdue(i))


@serve.route("/workflows/receipts/resend")
def resend_receipt(context) -> None:
    invoice = context.request_payload["invoice"]
    send_customer_email(context, invoice, "receipt")
