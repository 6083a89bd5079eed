# Shapes: Flask Serve.route (sync), requests before the first step deciding an early return, time.sleep in orchestration, float sleep duration from arithmetic, sleep_until fed by a clock through a local (exempt), context.sleep nested in a step.
import logging
import time
from datetime import datetime, timedelta, timezone

import requests
from flask import Flask
from upstash_workflow.flask import Serve, WorkflowContext

log = logging.getLogger("billing.reminders")

app = Flask(__name__)
serve = Serve(app)

BILLING_API = "https://billing.example.com/v1"
REMINDER_LEAD = timedelta(days=3)


def fetch_invoice(invoice_id: str) -> dict:
    resp = requests.get(f"{BILLING_API}/invoices/{invoice_id}", timeout=5)
    resp.raise_for_status()
    return resp.json()


def send_email(to: str, template: str, **params: str) -> dict:
    resp = requests.post(
        f"{BILLING_API}/emails", json={"to": to, "template": template, "params": params}, timeout=5
    )
    resp.raise_for_status()
    return {"message_id": resp.json()["id"]}


@serve.route("/workflows/invoice-reminder")
def invoice_reminder(context: WorkflowContext[dict]) -> None:
    invoice_id = context.request_payload["invoice_id"]

    probe = requests.head(f"{BILLING_API}/invoices/{invoice_id}", timeout=5)  # expect: UWF103
    if probe.status_code == 404:
        log.warning("invoice %s vanished", invoice_id)
        return  # expect: UWF104

    invoice = context.run("load-invoice", lambda: fetch_invoice(invoice_id))

    due = datetime.fromisoformat(invoice["due_date"])
    context.sleep_until("wait-until-reminder", (due - REMINDER_LEAD).timestamp())

    def _send_reminder() -> dict:
        sent = send_email(invoice["email"], "invoice-reminder", invoice=invoice_id)
        context.sleep("cool-down", 60)  # expect: UWF202
        return sent

    context.run("send-reminder", _send_reminder)

    # give the mail provider a moment before checking the status
    time.sleep(2)  # expect: UWF107

    context.sleep("grace-period", 86400 * 1.5)  # expect: UWF307

    status = context.run("check-paid", lambda: fetch_invoice(invoice_id)["status"])
    if status == "paid":
        return

    final_notice_at = datetime.now(timezone.utc) + timedelta(days=7)
    log.info("final notice for %s scheduled at %s", invoice_id, final_notice_at)
    context.sleep_until("wait-final-notice", final_notice_at)

    context.run(
        "send-final-notice",
        lambda: send_email(invoice["email"], "final-notice", invoice=invoice_id),
    )
