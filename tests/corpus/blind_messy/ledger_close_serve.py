# shapes: 6 labels. The sync serve() function form (positional with options, and route_function=) mounted on Flask; a module-level boto3 DynamoDB client read before the first step with an early return (103, 104); numpy.random sampling deciding an audit step (102, 105); a step lambda returning a uuid5 UUID object (204); an async def step handed to the sync context (205). Fine: str(uuid5) as a step result, boto3 and requests only inside steps, a LedgerSettings dataclass, a loop of steps over a step result with default-argument lambdas, an early return on a step result, a deterministic payload check with an early return, an int sleep
"""Month-end ledger close (accounting platform)."""
import functools
import logging
import os
import uuid
from dataclasses import dataclass
from decimal import Decimal

import boto3
import httpx
import numpy as np
import requests
from flask import Flask
from upstash_workflow import WorkflowContext, serve

log = logging.getLogger("accounting.close")

LEDGER_NS = uuid.UUID("0b8c7f8e-51a4-4f63-a4c5-1b9d5a7c2e11")


@dataclass(frozen=True)
class LedgerSettings:
    closings_table: str = os.environ.get("CLOSINGS_TABLE", "ledger-closings")
    archive_bucket: str = os.environ.get("ARCHIVE_BUCKET", "ledger-archive")
    gl_api: str = os.environ.get("GL_API", "https://gl.internal/api")
    audit_sample_rate: float = float(os.environ.get("AUDIT_SAMPLE_RATE", "0.1"))


settings = LedgerSettings()
ddb = boto3.client("dynamodb", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
s3 = boto3.client("s3")


def load_entries(ledger_id: str, period: str) -> list[dict]:
    resp = requests.get(f"{settings.gl_api}/ledgers/{ledger_id}/entries", params={"period": period}, timeout=60)
    resp.raise_for_status()
    return [{"account": e["account"], "amount": e["amount"]} for e in resp.json()["entries"]]


def trial_balance(entries: list[dict]) -> dict:
    totals: dict[str, Decimal] = {}
    for entry in entries:
        totals[entry["account"]] = totals.get(entry["account"], Decimal("0")) + Decimal(entry["amount"])
    return {account: str(amount) for account, amount in sorted(totals.items())}


def post_closing_entry(ledger_id: str, period: str, account: str, amount: str) -> int:
    resp = requests.post(
        f"{settings.gl_api}/ledgers/{ledger_id}/closing-entries",
        json={"period": period, "account": account, "amount": amount},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.status_code


def request_audit(ledger_id: str, period: str) -> dict:
    resp = requests.post(f"{settings.gl_api}/audits", json={"ledger": ledger_id, "period": period}, timeout=30)
    resp.raise_for_status()
    return {"audit_id": resp.json()["id"]}


def record_closing(ledger_id: str, period: str, closing_id: str) -> int:
    ddb.put_item(
        TableName=settings.closings_table,
        Item={"pk": {"S": f"{ledger_id}#{period}"}, "closing_id": {"S": closing_id}},
    )
    return 1


def close_ledger(context: WorkflowContext[dict]) -> None:
    ledger_id = context.request_payload["ledger_id"]
    period = context.request_payload["period"]
    if len(period) != 7:
        log.warning("bad period %r for ledger %s", period, ledger_id)
        return

    existing = ddb.get_item(TableName=settings.closings_table, Key={"pk": {"S": f"{ledger_id}#{period}"}})  # expect: UWF103
    if "Item" in existing:
        log.info("ledger %s period %s already closed", ledger_id, period)
        return  # expect: UWF104

    entries = context.run("load-entries", functools.partial(load_entries, ledger_id, period))
    balance = context.run("trial-balance", lambda: trial_balance(entries))
    if not balance:
        log.info("ledger %s has no entries in %s", ledger_id, period)
        return

    for account, amount in balance.items():
        if amount == "0":
            continue
        context.run(
            f"close-{account}",
            lambda account=account, amount=amount: post_closing_entry(ledger_id, period, account, amount),
        )

    if np.random.random() < settings.audit_sample_rate:  # expect: UWF102, UWF105
        log.info("ledger %s period %s sampled for audit", ledger_id, period)
        context.run("sample-audit", functools.partial(request_audit, ledger_id, period))

    closing_uuid = context.run("closing-uuid", lambda: uuid.uuid5(LEDGER_NS, f"{ledger_id}:{period}"))  # expect: UWF204
    closing_id = context.run("closing-id", lambda: str(uuid.uuid5(LEDGER_NS, f"{ledger_id}:{period}")))
    log.info("ledger %s period %s closing %s / %s", ledger_id, period, closing_id, closing_uuid)

    async def _archive() -> dict:
        async with httpx.AsyncClient() as client:
            resp = await client.get(f"{settings.gl_api}/ledgers/{ledger_id}/export", params={"period": period})
        s3.put_object(Bucket=settings.archive_bucket, Key=f"{ledger_id}/{period}.json", Body=resp.content)
        return {"archived": True}

    context.run("archive-period", _archive)  # expect: UWF205
    context.sleep("archive-settle", 120)
    context.run("record-closing", functools.partial(record_closing, ledger_id, period, closing_id))


def reopen_ledger(context: WorkflowContext[dict]) -> None:
    ledger_id = context.request_payload["ledger_id"]
    period = context.request_payload["period"]
    reason = context.request_payload.get("reason", "correction")

    def _reopen() -> dict:
        ddb.delete_item(TableName=settings.closings_table, Key={"pk": {"S": f"{ledger_id}#{period}"}})
        resp = requests.post(
            f"{settings.gl_api}/ledgers/{ledger_id}/reopen", json={"period": period, "reason": reason}, timeout=30
        )
        resp.raise_for_status()
        return {"reopened": True, "by": resp.json().get("actor")}

    result = context.run("reopen", _reopen)
    log.info("ledger %s period %s reopened by %s", ledger_id, period, result["by"])
    context.run("notify-controllers", lambda: requests.post(f"{settings.gl_api}/notify", json={"ledger": ledger_id, "period": period, "event": "reopened"}, timeout=10).status_code)


close_endpoint = serve(close_ledger, retries=3)
reopen_endpoint = serve(route_function=reopen_ledger)

app = Flask(__name__)
app.add_url_rule("/workflows/ledger/close", "close_ledger", close_endpoint["handler"], methods=["POST"])
app.add_url_rule("/workflows/ledger/reopen", "reopen_ledger", reopen_endpoint["handler"], methods=["POST"])
