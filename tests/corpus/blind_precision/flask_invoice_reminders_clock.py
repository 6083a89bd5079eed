# shapes: correct; Flask Serve(app) (sync); clock values that only reach sleep_until, call bodies/headers and logging: a file helper reading datetime.now whose result goes to sleep_until and a logging call, a datetime.now() + timedelta local used as `.timestamp()` in sleep_until, int(time.time()) + 3600 in a call body through a local, time.time() directly in sleep_until and in call headers; deterministic time functions deciding names: datetime.fromisoformat, time.strftime(fmt, time.gmtime(ts)); date.today() inside a step
import logging
import time
from datetime import date, datetime, timedelta, timezone
from typing import Any

import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("billing.reminders")

app = Flask(__name__)
serve = Serve(app)

REMINDER_URL = "https://notify.internal/reminders"
LEDGER_URL = "https://ledger.internal/notes"
PAYLINK_URL = "https://pay.internal/links"


def next_business_morning(hour: int = 9) -> datetime:
    now = datetime.now(timezone.utc)
    day = now + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def due_date_from(issued_iso: str, terms_days: int) -> datetime:
    return datetime.fromisoformat(issued_iso) + timedelta(days=terms_days)


def send_reminder(invoice_id: str, stage: str) -> dict[str, Any]:
    resp = requests.post(REMINDER_URL, json={"invoice": invoice_id, "stage": stage}, timeout=10)
    return {"status": resp.status_code, "stage": stage}


@serve.route("/workflows/invoice-reminders")
def invoice_reminders(context: WorkflowContext[dict]) -> None:
    invoice = context.request_payload
    invoice_id = invoice["invoice_id"]
    issued_label = time.strftime("%Y-%m-%d", time.gmtime(int(invoice["issued_ts"])))

    context.run(f"send-initial-{issued_label}", lambda: send_reminder(invoice_id, "initial"))

    due = due_date_from(invoice["issued_at"], int(invoice.get("terms_days", 30)))
    if due.weekday() >= 5:
        context.run("note-weekend-due-date", lambda: {"invoice": invoice_id, "weekday": due.weekday()})
    context.sleep_until("wait-for-due-date", due)

    resume_at = next_business_morning()
    log.info("invoice %s: next reminder at %s", invoice_id, resume_at)
    context.sleep_until("wait-business-morning", resume_at)

    status = context.run("send-due", lambda: send_reminder(invoice_id, "due"))
    if status["status"] >= 400:
        context.run("flag-delivery-failure", lambda: {"invoice": invoice_id, "status": status["status"]})
        return

    escalate_at = datetime.now(timezone.utc) + timedelta(days=7)
    context.sleep_until("wait-escalation-window", escalate_at.timestamp())

    context.call(
        "post-ledger-note",
        url=LEDGER_URL,
        method="POST",
        body={"invoice": invoice_id, "written_at": datetime.now(timezone.utc).isoformat()},
        headers={"X-Sent-At": str(int(time.time()))},
    )

    expires = int(time.time()) + 3600
    link = context.call("open-payment-link", url=PAYLINK_URL, method="POST", body={"invoice": invoice_id, "expires": expires})
    if link.status == 201:
        context.run("send-payment-link", lambda: send_reminder(invoice_id, "payment-link"))

    context.sleep_until("final-notice-delay", time.time() + 3 * 86400)
    context.run("send-final", lambda: send_reminder(invoice_id, "final"))
    context.run("stamp-closed", lambda: {"invoice": invoice_id, "closed_on": date.today().isoformat()})
    log.info("invoice %s reminders finished at %s", invoice_id, datetime.now(timezone.utc))
