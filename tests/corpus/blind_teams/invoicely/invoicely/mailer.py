# shapes: mailer without the SDK: requests-based senders wrapped by the @retry(times=...) decorator factory of another module, and pure template rendering
import os

import requests

from invoicely.retry import retry

MAIL_API = os.environ.get("MAIL_API", "https://mail.internal/v1")
FROM_ADDRESS = os.environ.get("MAIL_FROM", "billing@invoicely.example")


def render_reminder(invoice_id: str) -> str:
    return f"Invoice {invoice_id} is overdue. Please pay at https://pay.invoicely.example/{invoice_id}"


def render_final_notice(invoice_id: str) -> str:
    return f"FINAL NOTICE: invoice {invoice_id} will be sent to collections in 7 days."


@retry(times=3)
def _send(to: str, subject: str, body: str) -> str:
    resp = requests.post(f"{MAIL_API}/messages", json={"from": FROM_ADDRESS, "to": to, "subject": subject, "text": body}, timeout=10)
    resp.raise_for_status()
    return resp.json()["id"]


def send_reminder(email: str, invoice_id: str) -> str:
    return _send(email, f"Reminder: invoice {invoice_id}", render_reminder(invoice_id))


def send_final_notice(invoice_id: str, body: str) -> str:
    return _send(f"ar+{invoice_id}@invoicely.example", "Final notice", body)


def send_receipt(email: str, receipt_id: str) -> str:
    return _send(email, "Your receipt", f"Payment received, receipt {receipt_id}")


@retry(times=5, exceptions=(requests.RequestException,))
def send_summary(invoice_ids: list[str]) -> int:
    resp = requests.post(f"{MAIL_API}/digest", json={"reminded": invoice_ids}, timeout=10)
    return resp.status_code
