# shapes: Flask Serve(app).route with sync routes and match statements: on a step result with mapping patterns and guards on step-result fields (fine), on a header with a default (fine), on datetime.now().weekday() deciding steps (101, 105), on a random.choices pick held in a local (102, 105), on time.localtime().tm_hour whose cases only log (101 alone: it decides no step call)
import logging
import os
import random
import time
from datetime import datetime

import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("dispatch")

app = Flask(__name__)
serve = Serve(app)

DESK_API = os.environ.get("DESK_API", "https://desk.internal")
VARIANTS = ["control", "treatment"]
WEIGHTS = [0.8, 0.2]


def desk(method: str, path: str, body: dict | None = None) -> dict:
    resp = requests.request(method, f"{DESK_API}{path}", json=body, timeout=15)
    resp.raise_for_status()
    return resp.json() if resp.content else {}


@serve.route("/tickets/route")
def route_ticket(context: WorkflowContext[dict]) -> None:
    ticket = context.request_payload["ticket"]
    triage = context.run("triage", lambda: desk("POST", "/triage", {"ticket": ticket}))
    match triage:
        case {"queue": "billing", "priority": priority} if priority >= 2:
            context.run("page-billing", lambda: desk("POST", "/pages", {"queue": "billing", "ticket": ticket}))
        case {"queue": queue_name}:
            context.run("assign-queue", lambda: desk("POST", f"/queues/{queue_name}", {"ticket": ticket}))
        case _:
            context.run("manual-triage", lambda: desk("POST", "/queues/manual", {"ticket": ticket}))
    match context.headers.get("x-desk-source", "email"):
        case "phone":
            context.run("log-call", lambda: desk("POST", "/calls", {"ticket": ticket}))
        case "email" | "chat":
            context.run("ack-customer", lambda: desk("POST", "/acks", {"ticket": ticket}))


@serve.route("/staffing/shift")
def plan_shift(context: WorkflowContext[dict]) -> None:
    team = context.request_payload["team"]
    roster = context.run("load-roster", lambda: desk("GET", f"/teams/{team}/roster"))
    match datetime.now().weekday():  # expect: UWF101, UWF105
        case 5 | 6:
            context.run("weekend-rotation", lambda: desk("POST", "/rotations/weekend", roster))
        case _:
            context.run("weekday-rotation", lambda: desk("POST", "/rotations/weekday", roster))
    context.run("publish-roster", lambda: desk("POST", f"/teams/{team}/publish"))


@serve.route("/experiments/assign")
def assign_variant(context: WorkflowContext[dict]) -> None:
    user = context.request_payload["user"]
    variant = random.choices(VARIANTS, weights=WEIGHTS, k=1)[0]  # expect: UWF102
    profile = context.run("load-profile", lambda: desk("GET", f"/users/{user}"))
    match variant:  # expect: UWF105
        case "control":
            context.run("enroll-control", lambda: desk("POST", "/experiments/control", {"user": user}))
        case "treatment":
            context.run("enroll-treatment", lambda: desk("POST", "/experiments/treatment", profile))
    context.sleep("observe", "7d")
    context.run("collect-metrics", lambda: desk("GET", f"/experiments/users/{user}"))


@serve.route("/reports/hourly")
def hourly_report(context: WorkflowContext[dict]) -> None:
    report = context.request_payload["report"]
    match time.localtime().tm_hour // 6:  # expect: UWF101
        case 0:
            log.info("night run of %s", report)
        case 1 | 2:
            log.info("business-hours run of %s", report)
        case _:
            log.info("evening run of %s", report)
    data = context.run("build-report", lambda: desk("POST", f"/reports/{report}/build"))
    match data:
        case {"rows": []}:
            context.run("skip-empty", lambda: desk("POST", f"/reports/{report}/skip"))
        case {"rows": rows} if len(rows) > 10_000:
            context.run("send-link", lambda: desk("POST", f"/reports/{report}/link"))
        case _:
            context.run("send-inline", lambda: desk("POST", f"/reports/{report}/inline", data))
