# shapes: module without the SDK; unannotated workflow helpers that take the context: `schedule_reminder` reads the clock before its steps (reported at its call in enrolment.py; the value reaches only a step body), `send_certificate_mail` makes one step (called inside a step in enrolment.py); sources inside step bodies
import time

import requests

MAIL_API = "https://mail.internal/v1/send"


def _send(to: str, template: str, **fields) -> dict:
    resp = requests.post(MAIL_API, json={"to": to, "template": template, **fields}, timeout=10)
    return {"status": resp.status_code}


def _queue(learner_id: str, queued_at: int) -> dict:
    resp = requests.post(f"{MAIL_API}/queue", json={"learner": learner_id, "queued_at": queued_at}, timeout=10)
    return {"status": resp.status_code}


async def schedule_reminder(context, learner: dict) -> None:
    queued_at = int(time.time())
    await context.run("queue-reminder", lambda: _queue(learner["id"], queued_at))
    await context.sleep("reminder-delay", "3d")
    await context.run("send-reminder", lambda: _send(learner["email"], "reminder"))


async def send_certificate_mail(context, learner_id: str, course_id: str) -> None:
    await context.run("mail-certificate", lambda: _send(f"{learner_id}@learners.internal", "certificate", course=course_id))
