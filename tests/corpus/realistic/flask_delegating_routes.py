# Shapes: Flask routes without any step call (UWF301), routes whose steps live in a helper of the file, in methods reached through an instance holding the context in self.context, and in code the analysis cannot see (an unresolved import); an unresolved settings call before the first step (not a source).
from __future__ import annotations

import logging
from functools import partial

from acme_platform.billing import run_billing_cycle  # internal package, installed separately
from acme_platform.settings import get_settings
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

logger = logging.getLogger(__name__)

app = Flask(__name__)
serve = Serve(app)


def create_database(account: dict) -> dict:
    return {"db": f"tenant_{account['id']}"}


def seed_database(account: dict) -> dict:
    return {"seeded": account["id"]}


def _provision(context: WorkflowContext[dict], account: dict) -> None:
    context.run("create-db", partial(create_database, account))
    context.run("seed-db", partial(seed_database, account))


class Offboarding:
    def __init__(self, context: WorkflowContext[dict]) -> None:
        self.context = context
        self.account = context.request_payload

    def revoke_tokens(self) -> None:
        self.context.run("revoke-tokens", lambda: {"revoked": self.account["id"]})

    def execute(self) -> None:
        self.revoke_tokens()
        self.context.sleep("grace-period", "7d")
        self.context.run("delete-data", lambda: {"deleted": self.account["id"]})


@serve.route("/ping-workflow")
def ping(context: WorkflowContext[dict]) -> None:  # expect: UWF301
    logger.info("received %s", context.request_payload)


@serve.route("/accounts/provision")
def provision(context: WorkflowContext[dict]) -> None:
    account = context.request_payload
    _provision(context, account)


@serve.route("/accounts/offboard")
def offboard(context: WorkflowContext[dict]) -> None:
    flow = Offboarding(context)
    flow.execute()


@serve.route("/billing/cycle")
def billing_cycle(context: WorkflowContext[dict]) -> None:
    settings = get_settings()
    if not settings.billing_enabled:
        return
    run_billing_cycle(context, context.request_payload["tenant"])


@serve.route("/accounts/audit")
def audit(context: WorkflowContext[dict]) -> None:  # expect: UWF301
    account = context.request_payload
    summary = {"id": account["id"], "plan": account.get("plan", "free")}
    logger.info("audit summary %s", summary)
