# shapes: correct. Flask Serve(app), three onboarding routes, one with an unannotated `wf` context; OnboardingSteps staticmethods returning step factories (a nested def and a lambda); NamedTuple and TypedDict step results; a random.Random seeded with the run id picking an A/B arm that decides a step; the documented isinstance(exc, WorkflowAbort) re-raise, then logging and raise; a handler that logs then raises; match on a step result with returns; a workflow helper sleeping "1d" and sending a reminder per checklist item in a loop; "12h" and int durations; a frozen settings dataclass and a module-level requests.Session used only inside steps; deterministic early returns on the payload
"""Customer onboarding wizard workflows (growth team)."""
import functools
import logging
import os
import random
from dataclasses import dataclass
from typing import Callable, NamedTuple, TypedDict

import requests
from flask import Flask
from upstash_workflow import WorkflowAbort, WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("growth.onboarding")

app = Flask(__name__)
serve = Serve(app)
session = requests.Session()

ALLOWED_SOURCES = {"signup", "sales-led", "partner"}


@dataclass(frozen=True)
class Settings:
    accounts_url: str = os.environ.get("ACCOUNTS_URL", "https://accounts.internal")
    mailer_url: str = os.environ.get("MAILER_URL", "https://mailer.internal")
    calendar_url: str = os.environ.get("CALENDAR_URL", "https://calendar.internal")
    max_reminders: int = int(os.environ.get("ONBOARDING_MAX_REMINDERS", "3"))
    deactivate_after_seconds: int = 7 * 24 * 3600


settings = Settings()


class Account(NamedTuple):
    user_id: str
    email: str
    workspace: str


class Checklist(TypedDict):
    state: str
    items: list


def mailer_send(email: str, template: str) -> dict:
    resp = session.post(f"{settings.mailer_url}/send", json={"to": email, "template": template}, timeout=10)
    resp.raise_for_status()
    return {"template": template, "id": resp.json()["id"]}


def book_session(user_id: str) -> dict:
    resp = session.post(f"{settings.calendar_url}/guided-sessions", json={"user_id": user_id}, timeout=10)
    resp.raise_for_status()
    return resp.json()


def load_checklist(user_id: str) -> Checklist:
    resp = session.get(f"{settings.accounts_url}/accounts/{user_id}/checklist", timeout=10)
    resp.raise_for_status()
    data = resp.json()
    return Checklist(state=data["state"], items=[i["key"] for i in data["items"] if not i["done"]])


class OnboardingSteps:
    @staticmethod
    def create_account(payload: dict) -> Callable[[], Account]:
        def _create() -> Account:
            resp = session.post(f"{settings.accounts_url}/accounts", json=payload, timeout=10)
            resp.raise_for_status()
            data = resp.json()
            return Account(data["user_id"], data["email"], data["workspace"])

        return _create

    @staticmethod
    def send_email(email: str, template: str) -> Callable[[], dict]:
        return lambda: mailer_send(email, template)

    @staticmethod
    def deactivate(user_id: str) -> Callable[[], dict]:
        return functools.partial(session.post, f"{settings.accounts_url}/accounts/{user_id}/deactivate")


def send_reminders(wf: WorkflowContext[dict], email: str, items: list) -> int:
    sent = 0
    for n, item in enumerate(items[: settings.max_reminders]):
        wf.sleep(f"reminder-wait-{n}", "1d")
        wf.run(f"reminder-{n}", OnboardingSteps.send_email(email, f"reminder-{item}"))
        sent += 1
    return sent


@serve.route("/workflows/onboarding/start")
def start_onboarding(wf) -> None:
    payload = wf.request_payload or {}
    if payload.get("source") not in ALLOWED_SOURCES:
        log.warning("onboarding run %s from unknown source %r", wf.workflow_run_id, payload.get("source"))
        return

    account = wf.run("create-account", OnboardingSteps.create_account(payload))
    user_id, email = account[0], account[1]

    arm = random.Random(wf.workflow_run_id).choice(["guided", "self-serve"])
    log.info("user %s assigned to onboarding arm %s", user_id, arm)
    if arm == "guided":
        wf.run("book-guided-session", functools.partial(book_session, user_id))

    try:
        wf.run("welcome-email", OnboardingSteps.send_email(email, "welcome"))
    except Exception as exc:
        if isinstance(exc, WorkflowAbort):
            raise
        log.error("welcome email for %s failed: %s", user_id, exc)
        raise

    checklist = wf.run("load-checklist", functools.partial(load_checklist, user_id))
    match checklist["state"]:
        case "complete":
            log.info("user %s finished onboarding on day one", user_id)
            return
        case "blocked":
            wf.run("notify-success-team", OnboardingSteps.send_email("success@example.com", f"blocked-{user_id}"))
            return
        case _:
            log.debug("user %s has %d open checklist items", user_id, len(checklist["items"]))

    reminders = send_reminders(wf, email, checklist["items"])
    log.info("user %s got %d reminders", user_id, reminders)


@serve.route("/workflows/onboarding/invite-team")
def invite_team(context: WorkflowContext[dict]) -> None:
    workspace = context.request_payload["workspace"]
    invites = [e.strip().lower() for e in context.request_payload.get("emails", []) if "@" in e]
    if not invites:
        return
    for email in invites:
        try:
            context.run(f"invite-{email}", OnboardingSteps.send_email(email, f"team-invite-{workspace}"))
        except Exception:
            log.exception("invite to %s for workspace %s failed", email, workspace)
            raise
    context.sleep("invite-follow-up-wait", "12h")
    context.run("invite-digest", OnboardingSteps.send_email(context.request_payload["owner_email"], "invite-digest"))


@serve.route("/workflows/onboarding/deactivate-idle")
def deactivate_idle(context: WorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]
    context.sleep("idle-window", settings.deactivate_after_seconds)
    checklist = context.run("recheck-checklist", functools.partial(load_checklist, user_id))
    if checklist["state"] == "complete" or not checklist["items"]:
        return
    context.run("deactivate", lambda: OnboardingSteps.deactivate(user_id)().status_code)
    context.run("deactivation-email", OnboardingSteps.send_email(context.request_payload["email"], "deactivated"))
