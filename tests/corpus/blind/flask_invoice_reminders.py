# Flask Serve adapter (sync): requests.get before the first step decides an early return, time.sleep between steps, an async def step on the sync context, a camelCase context method, a module-level requests.Session used inside steps
import logging
import os
import time

import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from billing_client import InvoiceApi

app = Flask(__name__)
serve = Serve(app)
log = logging.getLogger("reminders")

BILLING_URL = os.environ.get("BILLING_URL", "https://billing.internal")
http = requests.Session()
invoices = InvoiceApi(base_url=BILLING_URL)


@serve.route("/workflows/invoice-reminder")
def invoice_reminder(context: WorkflowContext[dict]) -> None:
    invoice_id = context.request_payload["invoice_id"]
    due_ts = context.request_payload["due_ts"]

    resp = requests.get(f"{BILLING_URL}/invoices/{invoice_id}", timeout=5)  # expect: UWF103
    if resp.status_code == 404:
        log.info("invoice %s no longer exists", invoice_id)
        return  # expect: UWF104

    def _send_first_reminder() -> dict:
        r = http.post(
            f"{BILLING_URL}/invoices/{invoice_id}/remind",
            json={"template": "first"},
            timeout=10,
        )
        r.raise_for_status()
        return {"sent": True, "template": "first"}

    context.run("first-reminder", _send_first_reminder)

    # give the mail provider a moment before scheduling the next one
    time.sleep(2)  # expect: UWF107

    context.sleepUntil("due-date", due_ts)  # expect: UWF308

    def _check_paid() -> bool:
        r = http.get(f"{BILLING_URL}/invoices/{invoice_id}", timeout=5)
        r.raise_for_status()
        return r.json()["status"] == "paid"

    paid = context.run("check-paid", _check_paid)
    if paid:
        return

    async def _escalate() -> dict:
        await invoices.escalate(invoice_id)
        return {"escalated": True}

    context.run("escalate", _escalate)  # expect: UWF205

    context.sleep("wait-a-week", "7d")

    def _final_notice() -> dict:
        r = http.post(
            f"{BILLING_URL}/invoices/{invoice_id}/remind",
            json={"template": "final"},
            timeout=10,
        )
        r.raise_for_status()
        return {"sent": True, "template": "final"}

    context.run("final-notice", _final_notice)
