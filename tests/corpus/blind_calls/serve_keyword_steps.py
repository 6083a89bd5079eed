# shapes: correct. Sync `serve`: a bare `@serve` decorator on a def, `serve(route_function=...)`, and `serve(fn)` positional. Every context method called with keyword arguments (`step_name=`, `step_function=`, `duration=`, `date_time=`, `url=`, `method=`, `body=`, `headers=`, `retries=`, `timeout=`). A helper annotated with the sync `WorkflowContext` making steps. A route that hands its context to a function of an unresolved package (assumed to reach a step). Upstash's `until = datetime.now() + timedelta(days=7)` exemption for sleep_until. Module-level def steps
import logging
from datetime import datetime, timedelta

import requests
from acme_ledger.flows import post_entries
from upstash_workflow import WorkflowContext, serve

log = logging.getLogger("ledger")

LEDGER_URL = "https://ledger.example.com"
SETTLE_DELAY = 120


def fetch_batch() -> list:
    return requests.get(f"{LEDGER_URL}/batches/open", timeout=5).json()


def seal_batch() -> dict:
    resp = requests.post(f"{LEDGER_URL}/batches/seal", timeout=5)
    return {"sealed": resp.ok}


def settle_partner(ctx: WorkflowContext, partner: str, amount: int) -> dict:
    ctx.sleep(step_name=f"settle-wait-{partner}", duration=SETTLE_DELAY)
    response = ctx.call(
        step_name=f"settle-{partner}",
        url=f"{LEDGER_URL}/partners/{partner}/settle",
        method="POST",
        body={"amount": amount},
        headers={"Idempotency-Key": f"{ctx.workflow_run_id}-{partner}"},
        retries=4,
        timeout=20,
    )
    return {"partner": partner, "status": response.status_code}


@serve
def close_day(ctx):
    batch = ctx.run(step_name="fetch-batch", step_function=fetch_batch)
    if not batch:
        ctx.run(step_name="empty-day", step_function=lambda: {"closed": True, "entries": 0})
        return

    totals = {}
    for entry in batch:
        totals[entry["partner"]] = totals.get(entry["partner"], 0) + entry["amount"]

    for partner, amount in sorted(totals.items()):
        outcome = settle_partner(ctx, partner, amount)
        log.info("settled %s -> %s", partner, outcome["status"])

    ctx.run(step_function=seal_batch, step_name="seal-batch")


def monthly_review(ctx):
    until = datetime.now() + timedelta(days=7)
    log.info("review %s waits until %s", ctx.workflow_run_id, until)
    ctx.sleep_until(step_name="review-window", date_time=until.timestamp())
    ctx.call(step_name="open-review", url=f"{LEDGER_URL}/reviews", method="POST", body={"run": ctx.workflow_run_id})
    ctx.sleep(duration="1w", step_name="review-reminder")


def replay_entries(ctx):
    log.info("replaying entries for %s", ctx.request_payload.get("day"))
    post_entries(ctx, ctx.request_payload["day"])


review_handler = serve(route_function=monthly_review)["handler"]
replay_handler = serve(replay_entries)["handler"]
close_day_handler = close_day["handler"]
