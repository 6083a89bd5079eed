# shapes: Flask Serve(app).route (sync), context named `c`, functions of the file that read a source reported at their call in orchestration: `import time as t` with a module-level alias `now = t.monotonic`, a redis.Redis read through a helper deciding an early return, date.today() through a helper reaching a step name, a method of a module-level helper-class instance reading datetime.now() deciding a step, uuid4 through a helper reaching only a call body; fine: a pure staticmethod, a clock-reading helper called only inside a step, a monotonic reading inside a logging argument
import logging
import time as t
import uuid
from datetime import date, datetime

import redis
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("digest")
app = Flask(__name__)
serve = Serve(app)
cache = redis.Redis(host="cache", port=6379, db=0)
now = t.monotonic

MAILER = "https://mailer.example.com/send"


def digest_key() -> str:
    return date.today().isoformat()


def already_sent(user_id: str) -> bool:
    return cache.get(f"digest:sent:{user_id}") is not None


def new_batch_id() -> str:
    return uuid.uuid4().hex


def stamp() -> str:
    return datetime.now().strftime("%H:%M")


class QuietHours:
    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def active(self) -> bool:
        hour = datetime.now().hour
        return hour >= self.start or hour < self.end


class Subjects:
    @staticmethod
    def for_digest(count: int) -> str:
        return f"{count} new items for you" if count != 1 else "1 new item for you"


quiet = QuietHours(22, 7)


def collect_items(user_id: str) -> list[dict]:
    return [{"id": f"{user_id}-{n}", "seen_at": stamp()} for n in range(3)]


def render(user_id: str, items: list[dict], subject: str) -> dict:
    return {"user": user_id, "subject": subject, "lines": [item["id"] for item in items]}


@serve.route("/digest/send")
def send_digest(c: WorkflowContext[dict]) -> None:
    user_id = c.request_payload["user_id"]
    started = now()  # expect: UWF101
    if already_sent(user_id):  # expect: UWF103
        return  # expect: UWF104

    items = c.run("collect", lambda: collect_items(user_id))
    subject = Subjects.for_digest(len(items))
    key = digest_key()  # expect: UWF101
    body = c.run(f"render-{key}", lambda: render(user_id, items, subject))  # expect: UWF106

    if quiet.active():  # expect: UWF101, UWF105
        c.sleep("wait-for-morning", "8h")

    batch = new_batch_id()  # expect: UWF102
    c.call("send", url=MAILER, method="POST", body={"batch": batch, **body})
    c.run("mark-sent", lambda: bool(cache.set(f"digest:sent:{user_id}", "1", ex=86400)))
    log.info("digest for %s took %.1fs", user_id, now() - started)
