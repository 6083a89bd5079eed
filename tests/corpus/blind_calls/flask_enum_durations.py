# shapes: correct. Flask Serve(app).route, untyped `wf`. A `str` Enum of step names used as `.value`, inside f-strings and as a bare member; names from a constant prefix with `+`, `%` and `.format`. Durations: every unit ("45s", "15m", "2h", "1d", "2w", "3mo", "1y"), int literals, int constants, int products and `**`, `//`, `int(td.total_seconds())`, `len(...) * N`, keyword `duration=`. sleep_until with a datetime built from a step result, a float timestamp and keyword `date_time=`. Positional and keyword run/sleep/sleep_until/call
import functools
import logging
from datetime import datetime, timedelta
from enum import Enum

import requests
from flask import Flask
from upstash_workflow.flask import Serve

log = logging.getLogger(__name__)

app = Flask(__name__)
workflows = Serve(app)

PREFIX = "renewal-"
GRACE_SECONDS = 3600
REMINDER_GAP = timedelta(days=3)
BILLING_URL = "https://billing.example.com/api"


class Step(str, Enum):
    LOAD = "load-subscription"
    INVOICE = "issue-invoice"
    REMIND = "send-reminder"
    SUSPEND = "suspend"
    ARCHIVE = "archive"


def load_subscription(sub_id: str) -> dict:
    resp = requests.get(f"{BILLING_URL}/subscriptions/{sub_id}", timeout=10)
    resp.raise_for_status()
    return resp.json()


def issue_invoice(sub_id: str, amount_cents: int) -> dict:
    resp = requests.post(f"{BILLING_URL}/invoices", json={"sub": sub_id, "amount": amount_cents}, timeout=10)
    return {"invoice_id": resp.json()["id"], "status": resp.status_code}


def send_reminder(sub_id: str, number: int) -> bool:
    requests.post(f"{BILLING_URL}/reminders", json={"sub": sub_id, "n": number}, timeout=10)
    return True


def archive(sub_id: str) -> str:
    requests.delete(f"{BILLING_URL}/subscriptions/{sub_id}/draft", timeout=10)
    return sub_id


@workflows.route("/workflows/renewal")
def renewal(wf):
    sub_id = wf.request_payload["subscription_id"]
    sub = wf.run(Step.LOAD.value, functools.partial(load_subscription, sub_id))

    invoice = wf.run(step_name=Step.INVOICE.value, step_function=lambda: issue_invoice(sub_id, sub["amount_cents"]))
    if invoice["status"] >= 400:
        log.error("invoice failed for %s", sub_id)
        return

    due = datetime.fromisoformat(sub["due_at"])
    wf.sleep_until(PREFIX + "due", due)

    for number in range(1, 4):
        paid = wf.call(f"{Step.REMIND.value}-check-{number}", url=f"{BILLING_URL}/invoices/{invoice['invoice_id']}")
        if paid.body.get("paid"):
            break
        wf.run(f"{Step.REMIND.value}-{number}", lambda n=number: send_reminder(sub_id, n))
        wf.sleep("reminder-gap-%d" % number, int(REMINDER_GAP.total_seconds()))

    wf.sleep(step_name="{}grace".format(PREFIX), duration=GRACE_SECONDS)
    wf.call(Step.SUSPEND.value, url=f"{BILLING_URL}/subscriptions/{sub_id}/suspend", method="POST", retries=2)
    wf.sleep("before-archive", "2w")
    wf.run(Step.ARCHIVE, functools.partial(archive, sub_id))


@workflows.route("/workflows/drip")
def drip(wf):
    payload = wf.request_payload
    lessons = wf.run("lessons", lambda: list(payload.get("lessons", [])))

    wf.sleep("warm-up", "45s")
    wf.sleep("first-lesson", "15m")
    for index, lesson in enumerate(lessons):
        wf.call(f"lesson-{lesson['slug']}", url=payload["mailer_url"], method="POST", body={"lesson": lesson["slug"]})
        wf.sleep(f"after-{lesson['slug']}", 2 ** min(index, 6) * 60)

    wf.sleep("digest-delay", len(lessons) * 90)
    wf.sleep("half-day", 86400 // 2)
    wf.sleep("nudge", "2h")
    wf.sleep("survey", "1d")
    wf.sleep("quarter", "3mo")
    wf.sleep("anniversary", "1y")
    wf.sleep_until("final-mail", date_time=payload["deadline_ts"] + 0.5)
    wf.run("finish", lambda: {"lessons": len(lessons)})
