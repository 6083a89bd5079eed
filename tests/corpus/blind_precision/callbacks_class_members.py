# shapes: 6 labels; Flask Serve(app), context named `job`; sources reached through members of file classes: a property of a module-level instance reading datetime.now(tz) deciding steps (101+105 at the attribute access), a classmethod returning date.today() into a step name (101, 106), a staticmethod coin flip on secrets.randbelow deciding a step (102+105); fine: a pure property, a pure method and a pure staticmethod of the same classes in orchestration, a classmethod parser, the clock property read only inside a step
import logging
import secrets
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("callbacks")

app = Flask(__name__)
serve = Serve(app)

TICKETS_API = "https://tickets.internal"
TELEPHONY_API = "https://telephony.internal"


class SupportHours:
    def __init__(self, tz: str, start: int = 9, end: int = 18) -> None:
        self.tz = ZoneInfo(tz)
        self.start = start
        self.end = end

    @property
    def is_open(self) -> bool:
        return self.start <= datetime.now(self.tz).hour < self.end

    @property
    def span_label(self) -> str:
        return f"{self.start:02d}-{self.end:02d}"

    def contains(self, hour: int) -> bool:
        return self.start <= hour < self.end


class ReportCalendar:
    @classmethod
    def today(cls) -> date:
        return date.today()

    @classmethod
    def parse(cls, raw: str) -> date:
        return date.fromisoformat(raw)


class Sampler:
    @staticmethod
    def coin() -> bool:
        return secrets.randbelow(2) == 0

    @staticmethod
    def bucket(key: str) -> int:
        return sum(key.encode("utf-8")) % 10


hours = SupportHours("Europe/Berlin")


def load_ticket(ticket_id: str) -> dict[str, Any]:
    resp = requests.get(f"{TICKETS_API}/tickets/{ticket_id}", timeout=10)
    body = resp.json()
    return {"id": body["id"], "phone": body["phone"]}


def place_call(phone: str) -> dict[str, Any]:
    resp = requests.post(f"{TELEPHONY_API}/calls", json={"to": phone}, timeout=10)
    return {"status": resp.status_code}


def queue_callback(ticket_id: str, window: str) -> dict[str, Any]:
    resp = requests.post(f"{TICKETS_API}/tickets/{ticket_id}/callbacks", json={"window": window}, timeout=10)
    return {"status": resp.status_code}


@serve.route("/workflows/callbacks")
def schedule_callback(job: WorkflowContext[dict]) -> None:
    req = job.request_payload
    requested_day = ReportCalendar.parse(req["day"])
    ticket = job.run("load-ticket", lambda: load_ticket(req["ticket_id"]))

    if hours.is_open:  # expect: UWF101, UWF105
        job.run("call-now", lambda: place_call(ticket["phone"]))
    else:
        job.run("queue-callback", lambda: queue_callback(ticket["id"], hours.span_label))

    if hours.contains(int(req.get("preferred_hour", 10))):
        job.run("preferred-slot", lambda: {"slot": req.get("preferred_hour", 10), "window": hours.span_label})

    report_day = ReportCalendar.today()  # expect: UWF101
    job.run(f"daily-report-{report_day.isoformat()}", lambda: {"ticket": ticket["id"]})  # expect: UWF106

    if Sampler.coin():  # expect: UWF102, UWF105
        job.run("survey", lambda: {"ticket": ticket["id"], "survey": True})

    bucket = Sampler.bucket(ticket["id"])
    job.run(f"bucket-{bucket}", lambda: {"bucket": bucket, "day": requested_day.isoformat()})
    job.run("close", lambda: {"open_at_close": hours.is_open, "ticket": ticket["id"]})
