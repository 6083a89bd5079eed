# shapes: correct. Flask Serve(app), two sync routes sharing helpers; an InvoiceRepository over sqlite3 whose bound methods are step functions through functools.partial and inside loop lambdas; a file retry decorator (functools.wraps, time.sleep) on a function called only inside steps; a pure generator helper chunking a step result in orchestration; uuid5 batch keys from a pure helper in step names; except WorkflowAbort: raise before except requests.HTTPError around a step; an augmented counter in orchestration deciding an int throttle sleep; a failure function with fail_* parameters that reads the clock and posts an alert; a dataclass converted with asdict inside the repository; sorted() of a set difference as a step result
import functools
import logging
import os
import sqlite3
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Iterator

import requests
from flask import Flask
from upstash_workflow import WorkflowAbort, WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("invoices.workflows")

app = Flask(__name__)
serve = Serve(app)

DB_PATH = os.environ.get("INVOICE_DB", "/var/lib/invoices/invoices.db")
MAILER_URL = os.environ.get("MAILER_URL", "https://mailer.internal")
LEDGER_URL = os.environ.get("LEDGER_URL", "https://ledger.internal")
ALERT_URL = os.environ.get("ALERT_URL", "https://alerts.internal/hooks/invoices")
BATCH_NAMESPACE = uuid.UUID("6f1c0b7e-3c1e-4b0a-9a43-3f5b1f1f2a10")
BATCH_SIZE = 50
THROTTLE_EVERY = 5


def retry(times: int = 3, delay: float = 0.5):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except requests.RequestException:
                    if attempt == times - 1:
                        raise
                    log.warning("%s failed (attempt %s), retrying", fn.__name__, attempt + 1)
                    time.sleep(delay * (attempt + 1))
            return None

        return wrapper

    return decorator


@dataclass
class Invoice:
    id: int
    customer_id: str
    amount_cents: int
    status: str


class InvoiceRepository:
    def __init__(self, path: str) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path)
        conn.row_factory = sqlite3.Row
        return conn

    def open_invoices(self, customer_id: str) -> list[dict]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT id, customer_id, amount_cents, status FROM invoices"
                " WHERE customer_id = ? AND status = 'open' ORDER BY id",
                (customer_id,),
            ).fetchall()
        return [asdict(Invoice(**dict(r))) for r in rows]

    def mark_sent(self, invoice_ids: list[int], batch_key: str) -> int:
        with self._connect() as conn:
            cur = conn.executemany(
                "UPDATE invoices SET status = 'sent', batch_key = ? WHERE id = ?",
                [(batch_key, invoice_id) for invoice_id in invoice_ids],
            )
            return cur.rowcount

    def invoice_ids_for_period(self, period: str) -> list[int]:
        with self._connect() as conn:
            rows = conn.execute("SELECT id FROM invoices WHERE period = ?", (period,)).fetchall()
        return [r["id"] for r in rows]


repo = InvoiceRepository(DB_PATH)


@retry(times=4)
def send_invoice_email(customer_id: str, invoice_ids: list[int]) -> dict:
    resp = requests.post(
        f"{MAILER_URL}/invoices",
        json={"customer_id": customer_id, "invoice_ids": invoice_ids},
        timeout=10,
    )
    resp.raise_for_status()
    return {"message_id": resp.json().get("id"), "count": len(invoice_ids)}


@retry(times=3, delay=1.0)
def ledger_invoice_ids(period: str) -> list[int]:
    resp = requests.get(f"{LEDGER_URL}/periods/{period}/invoices", timeout=30)
    resp.raise_for_status()
    return [row["invoice_id"] for row in resp.json()["rows"]]


def chunked(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def batch_key(customer_id: str, index: int) -> str:
    return str(uuid.uuid5(BATCH_NAMESPACE, f"{customer_id}:{index}"))


def report_failure(context, fail_status, fail_response, fail_headers):
    log.error(
        "invoice workflow %s failed at %s with %s",
        context.workflow_run_id,
        datetime.now(timezone.utc).isoformat(),
        fail_status,
    )
    requests.post(
        ALERT_URL,
        json={"run": context.workflow_run_id, "status": fail_status, "at": time.time()},
        timeout=5,
    )


@serve.route("/workflows/invoices/send", failure_function=report_failure)
def send_invoices(context: WorkflowContext[dict]) -> None:
    customer_id = context.request_payload["customer_id"]
    log.info("invoice run %s for customer %s", context.workflow_run_id, customer_id)

    invoices = context.run("load-open-invoices", functools.partial(repo.open_invoices, customer_id))
    if not invoices:
        log.info("no open invoices for %s", customer_id)
        return

    ids = [inv["id"] for inv in invoices if inv["amount_cents"] > 0]
    sent_batches = 0
    for index, batch in enumerate(chunked(ids, BATCH_SIZE)):
        key = batch_key(customer_id, index)
        try:
            result = context.run(
                f"email-batch-{key}",
                functools.partial(send_invoice_email, customer_id, batch),
            )
        except WorkflowAbort:
            raise
        except requests.HTTPError as exc:
            log.error("mailer rejected batch %s for %s: %s", key, customer_id, exc)
            raise
        context.run(f"mark-sent-{key}", lambda batch=batch, key=key: repo.mark_sent(batch, key))
        sent_batches += 1
        log.info("batch %s sent as message %s", key, result["message_id"])
        if sent_batches % THROTTLE_EVERY == 0:
            context.sleep(f"throttle-{index}", 30)

    log.info("customer %s: %d batches sent", customer_id, sent_batches)


@serve.route("/workflows/invoices/reconcile", failure_function=report_failure)
def reconcile_period(context: WorkflowContext[dict]) -> None:
    period = context.request_payload.get("period")
    if not period:
        log.warning("reconcile called without a period (run %s)", context.workflow_run_id)
        return

    ours = context.run("our-invoice-ids", functools.partial(repo.invoice_ids_for_period, period))
    theirs = context.run("ledger-invoice-ids", functools.partial(ledger_invoice_ids, period))

    def _diff() -> dict:
        missing = sorted(set(ours) - set(theirs))
        extra = sorted(set(theirs) - set(ours))
        return {"missing": missing, "extra": extra}

    diff = context.run("diff-invoices", _diff)
    if not diff["missing"] and not diff["extra"]:
        log.info("period %s reconciled cleanly", period)
        return

    for index, batch in enumerate(chunked(diff["missing"], BATCH_SIZE)):
        context.run(
            f"push-missing-{period}-{index}",
            lambda batch=batch: requests.post(
                f"{LEDGER_URL}/periods/{period}/invoices", json={"ids": batch}, timeout=30
            ).status_code,
        )

    if diff["extra"]:
        log.warning("period %s has %d unknown ledger rows", period, len(diff["extra"]))
        context.call(
            "flag-extra-rows",
            url=ALERT_URL,
            method="POST",
            body={"period": period, "extra": diff["extra"][:100]},
        )
