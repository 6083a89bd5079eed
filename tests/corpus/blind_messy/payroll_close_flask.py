# shapes: 5 labels. Flask Serve(app), a period-close route and a payslip route; a PayrollService class and a BankClient wrapper created at module level and used through functools.partial; a one-step workflow helper called inside a step (202 at the helper call); a step returning a Decimal constructor call (204); try/except Exception around a bank transfer step in a loop (305); a backoff computed with a float factor used as a sleep duration (307); the camelCase context.sleepUntil (308). Fine: a second one-step workflow helper called from orchestration in a loop, an early return on a step result, a polling loop over step results with break, int sleeps, step-local state, requests inside steps, str() of Decimal arithmetic inside a step
"""Payroll period close (finance engineering)."""
import functools
import logging
import os
from dataclasses import dataclass
from decimal import Decimal

import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("finance.payroll")

app = Flask(__name__)
serve = Serve(app)

SLACK_URL = os.environ.get("SLACK_WEBHOOK", "https://hooks.slack.com/services/T000/B000/XXX")
FINANCE_CHANNEL = "#finance-ops"


@dataclass(frozen=True)
class PayrollSettings:
    payroll_api: str = os.environ.get("PAYROLL_API", "https://payroll.internal/api")
    bank_api: str = os.environ.get("BANK_API", "https://bank-gateway.internal")
    bank_poll_seconds: int = int(os.environ.get("BANK_POLL_SECONDS", "300"))
    bank_polls: int = 12


settings = PayrollSettings()


def slack_post(channel: str, text: str) -> int:
    resp = requests.post(SLACK_URL, json={"channel": channel, "text": text}, timeout=5)
    return resp.status_code


class PayrollService:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = requests.Session()

    def lock_period(self, period: str) -> dict:
        resp = self.http.post(f"{self.base_url}/periods/{period}/lock", timeout=30)
        resp.raise_for_status()
        return {"period": period, "locked": True}

    def gross_total(self, period: str) -> str:
        resp = self.http.get(f"{self.base_url}/periods/{period}/totals", timeout=30)
        resp.raise_for_status()
        return resp.json()["gross"]

    def payout_batches(self, period: str) -> list[dict]:
        resp = self.http.get(f"{self.base_url}/periods/{period}/batches", timeout=30)
        resp.raise_for_status()
        return [{"id": b["id"], "total_cents": b["total_cents"]} for b in resp.json()["batches"]]

    def payday(self, period: str) -> dict:
        resp = self.http.get(f"{self.base_url}/periods/{period}/payday", timeout=10)
        resp.raise_for_status()
        return {"ts": resp.json()["payday_epoch"]}

    def employees(self, period: str) -> list[dict]:
        resp = self.http.get(f"{self.base_url}/periods/{period}/employees", timeout=30)
        resp.raise_for_status()
        return resp.json()["employees"]


class BankClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def transfer_batch(self, batch_id: str, total_cents: int) -> dict:
        resp = requests.post(f"{self.base_url}/transfers", json={"batch": batch_id, "amount": total_cents}, timeout=60)
        resp.raise_for_status()
        return {"transfer_id": resp.json()["id"]}

    def batch_status(self, period: str) -> dict:
        resp = requests.get(f"{self.base_url}/periods/{period}/status", timeout=30)
        resp.raise_for_status()
        return {"state": resp.json()["state"]}


payroll = PayrollService(settings.payroll_api)
bank = BankClient(settings.bank_api)


def notify_finance(context: WorkflowContext[dict], period: str, message: str) -> None:
    context.run(f"notify-finance-{period}", lambda: slack_post(FINANCE_CHANNEL, message))


def notify_employee(context: WorkflowContext[dict], employee: dict, period: str) -> None:
    context.run(
        f"payslip-mail-{employee['id']}",
        lambda: requests.post(
            f"{settings.payroll_api}/payslips/{period}/{employee['id']}/send", timeout=20
        ).status_code,
    )


@serve.route("/workflows/payroll/close")
def close_period(context: WorkflowContext[dict]) -> None:
    period = context.request_payload["period"]
    log.info("closing payroll period %s (run %s)", period, context.workflow_run_id)

    def _lock_period():
        locked = payroll.lock_period(period)
        notify_finance(context, period, f"payroll period {period} locked")  # expect: UWF202
        return locked

    lock = context.run("lock-period", _lock_period)
    if not lock["locked"]:
        log.error("period %s could not be locked", period)
        return

    gross = context.run("gross-total", lambda: Decimal(payroll.gross_total(period)))  # expect: UWF204
    log.info("period %s gross total %s", period, gross)

    batches = context.run("payout-batches", functools.partial(payroll.payout_batches, period))
    for batch in batches:
        try:
            context.run(f"transfer-{batch['id']}", functools.partial(bank.transfer_batch, batch["id"], batch["total_cents"]))
        except Exception as exc:  # expect: UWF305
            log.exception("transfer for batch %s failed: %s", batch["id"], exc)

    backoff = settings.bank_poll_seconds * 1.5
    settled = False
    for poll in range(settings.bank_polls):
        status = context.run(f"bank-status-{poll}", functools.partial(bank.batch_status, period))
        if status["state"] == "settled":
            settled = True
            break
        log.info("period %s bank state %s (poll %d)", period, status["state"], poll)
        context.sleep(f"bank-wait-{poll}", backoff)  # expect: UWF307

    if not settled:
        context.run("escalate-unsettled", lambda: slack_post(FINANCE_CHANNEL, f"period {period} not settled"))
        return

    payday = context.run("payday", functools.partial(payroll.payday, period))
    context.sleepUntil("wait-for-payday", payday["ts"])  # expect: UWF308
    context.run("release-payslips", lambda: requests.post(f"{settings.payroll_api}/periods/{period}/release", timeout=30).status_code)


@serve.route("/workflows/payroll/payslips")
def send_payslips(context: WorkflowContext[dict]) -> None:
    period = context.request_payload["period"]
    only = set(context.request_payload.get("only", []))
    employees = context.run("employees", functools.partial(payroll.employees, period))
    targets = [e for e in employees if not only or e["id"] in only]
    log.info("sending %d payslips for %s", len(targets), period)

    def _summary() -> dict:
        total = sum(Decimal(e["net"]) for e in targets)
        return {"count": len(targets), "net_total": str(total)}

    summary = context.run("payslip-summary", _summary)
    for index, employee in enumerate(targets):
        notify_employee(context, employee, period)
        if index and index % 50 == 0:
            context.sleep(f"payslip-throttle-{index}", 60)
    context.run("payslips-done", lambda: slack_post(FINANCE_CHANNEL, f"{summary['count']} payslips sent for {period}"))
