# shapes: workflow helper annotated with the sync WorkflowContext that makes exactly one step (context.call); correct on its own; workflows.py calls it from orchestration code (fine) and from inside a step (UWF202, reported there)
from __future__ import annotations

from upstash_workflow import WorkflowContext

MAILER_URL = "https://mailer.internal.example.com/v1/send"
FROM_ADDRESS = "billing@ledgerly.example.com"


def _subject_for(template: str, invoice: dict) -> str:
    subjects = {
        "receipt": "Your receipt for invoice {id}",
        "reminder": "Invoice {id} is due",
    }
    return subjects.get(template, "About invoice {id}").format(id=invoice["id"])


def send_customer_email(context: WorkflowContext, invoice: dict, template: str) -> None:
    message = {
        "from": FROM_ADDRESS,
        "to": invoice["customer_id"],
        "subject": _subject_for(template, invoice),
        "template": template,
        "vars": {"invoice_id": invoice["id"], "amount": invoice.get("amount")},
    }
    context.call(f"email-{template}", url=MAILER_URL, method="POST", body=message)
