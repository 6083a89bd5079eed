# shapes: Flask Blueprint with upstash_workflow.flask.Serve(bp) and @serve.route (sync context); typing.cast(WorkflowContext[dict], context) alias on an unannotated route; retry-decorated sqlite repository functions read outside a step (early return, loop iterable) and inside steps (fine); time.sleep between steps; an async def step on the sync context; try/except Exception around a step; a camelCase context method; annotated helpers from steps.py called with the context (their findings are inside them); a list of the route mutated in a step; a non-deterministic step name inside a loop already reported (no second finding)
import logging
import time
from typing import cast

from flask import Blueprint
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

from invoicely import mailer, repositories, steps

logger = logging.getLogger(__name__)

bp = Blueprint("workflows", __name__, url_prefix="/workflows")
serve = Serve(bp)


@serve.route("/remind-overdue")
def remind_overdue(context):
    wf = cast(WorkflowContext[dict], context)
    invoice_id = wf.request_payload["invoice_id"]

    invoice = repositories.find_invoice(invoice_id)  # expect: UWF103
    if invoice is None or invoice["status"] == "paid":
        return  # expect: UWF104

    wf.run("send-reminder", lambda: mailer.send_reminder(invoice["email"], invoice_id))
    time.sleep(2)  # expect: UWF107
    wf.sleep("wait-3-days", "3d")

    async def _render_final() -> str:
        return mailer.render_final_notice(invoice_id)

    notice = wf.run("render-final-notice", _render_final)  # expect: UWF205
    try:
        wf.run("send-final-notice", lambda: mailer.send_final_notice(invoice_id, notice))
    except Exception:  # expect: UWF305
        logger.exception("final notice failed for %s", invoice_id)


@serve.route("/settle")
def settle_invoice(context: WorkflowContext[dict]) -> None:
    invoice_id = context.request_payload["invoice_id"]
    invoice = context.run("load-invoice", lambda: repositories.find_invoice(invoice_id))
    if invoice is None:
        logger.warning("invoice %s vanished", invoice_id)
        return

    receipt = steps.charge_card(context, invoice)
    context.sleepUntil("settlement-window", invoice["settle_at"])  # expect: UWF308
    context.run("mark-paid", lambda: repositories.mark_paid(invoice_id, receipt["id"]))
    steps.send_receipt(context, invoice, receipt)
    logger.info("settled %s with %s", invoice_id, receipt["id"])


@serve.route("/dunning-batch")
def dunning_batch(context: WorkflowContext[dict]) -> None:
    reminded: list[str] = []
    for invoice_id in repositories.overdue_invoice_ids():  # expect: UWF103, UWF105

        def _remind(invoice_id: str = invoice_id) -> str:
            email = repositories.customer_email(invoice_id)
            mailer.send_reminder(email, invoice_id)
            reminded.append(invoice_id)  # expect: UWF201
            return email

        context.run(f"remind-{invoice_id}", _remind)

    context.run("send-summary", lambda: mailer.send_summary(reminded))


@serve.route("/dunning-batch-v2")
def dunning_batch_v2(context: WorkflowContext[dict]) -> None:
    overdue = context.run("list-overdue", lambda: repositories.overdue_invoice_ids())
    for invoice_id in overdue:
        context.run(f"remind-{invoice_id}", lambda i=invoice_id: mailer.send_reminder(repositories.customer_email(i), i))
    sent = context.run("send-summary", lambda: mailer.send_summary(overdue))
    logger.info("digest status %s", sent)
