# shapes: import upstash_workflow as uw; sync helpers annotated with uw.WorkflowContext[dict] that nothing here calls (orchestration code, so their findings are inside them, not at their calls in workflows.py): a clock read before the charge step; a context.call whose body carries time.time() (exempt); a webhook URL read from os.environ at import time
import datetime as dt
import os
import time

import stripe
import upstash_workflow as uw

from invoicely import mailer

RECEIPTS_WEBHOOK = os.environ.get("RECEIPTS_WEBHOOK", "https://hooks.invoicely.example/receipts")
stripe.api_key = os.environ.get("STRIPE_API_KEY", "")


def charge_card(context: uw.WorkflowContext[dict], invoice: dict) -> dict:
    attempted_at = dt.datetime.utcnow().isoformat()  # expect: UWF101

    def _charge() -> dict:
        intent = stripe.PaymentIntent.create(
            amount=invoice["amount_cents"],
            currency="usd",
            customer=invoice["customer_id"],
            metadata={"invoice_id": invoice["id"], "attempted_at": attempted_at},
            idempotency_key=f"invoice-{invoice['id']}",
        )
        return {"id": intent.id, "status": intent.status}

    return context.run("charge-card", _charge)


def send_receipt(context: uw.WorkflowContext[dict], invoice: dict, receipt: dict) -> None:
    context.run("send-receipt", lambda: mailer.send_receipt(invoice["email"], receipt["id"]))
    context.call(
        "receipt-webhook",
        url=RECEIPTS_WEBHOOK,
        method="POST",
        body={"invoice_id": invoice["id"], "receipt_id": receipt["id"], "sent_at": time.time()},
    )
