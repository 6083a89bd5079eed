# shapes: workflow handlers annotated with `from upstash_workflow import AsyncWorkflowContext as Ctx` and registered in another module in the call form (annotated workflow functions, findings inside them); imported utility modules: timeutils.now_iso() outside a step, ids.new_id() in a step name, ids.stable_id() (uuid5) and ids.short_hash() in step names (fine), settings.get() reading os.environ before the first step (fine), a clock helper deciding a while loop, a clock helper whose value reaches only sleep_until and logging (fine); a file-local function called eagerly as a step argument; a step factory of the file (fine); a step returning a datetime from an imported helper; an except that logs then re-raises (fine); a weekend check through an imported clock helper deciding an early return before the first step
import logging

import httpx
from upstash_workflow import AsyncWorkflowContext as Ctx

from ticketdesk import ids, settings, timeutils

logger = logging.getLogger(__name__)

HELPDESK_API = settings.get("HELPDESK_API")


def lookup_customer(customer_id: str) -> dict:
    return httpx.get(f"{HELPDESK_API}/customers/{customer_id}", timeout=5).json()


def classify(body: str) -> str:
    text = body.lower()
    if "outage" in text or "down" in text:
        return "urgent"
    return "normal"


def reply_step(ticket: dict, template: str):
    def _send() -> int:
        signature = settings.get("REPLY_SIGNATURE", "")
        resp = httpx.post(
            f"{HELPDESK_API}/tickets/{ticket['id']}/replies",
            json={"template": template, "signature": signature},
        )
        return resp.status_code

    return _send


def page_oncall(ticket: dict) -> int:
    return httpx.post(f"{HELPDESK_API}/oncall/page", json={"ticket": ticket["id"]}).status_code


def write_audit(ticket_id: str, opened_at) -> int:
    return httpx.post(f"{HELPDESK_API}/audit", json={"ticket": ticket_id, "opened_at": str(opened_at)}).status_code


def assign(ticket_id: str, tier: str) -> int:
    return httpx.post(f"{HELPDESK_API}/tickets/{ticket_id}/assign", json={"tier": tier}).status_code


async def triage_ticket(context: Ctx[dict]) -> None:
    ticket = context.request_payload
    received_at = timeutils.now_iso()  # expect: UWF101

    priority = await context.run("classify", lambda: classify(ticket["body"]))
    customer = await context.run("lookup-customer", lookup_customer(ticket["customer_id"]))  # expect: UWF203
    await context.run(
        "store-ticket",
        lambda: httpx.post(
            f"{HELPDESK_API}/tickets",
            json={**ticket, "priority": priority, "customer": customer, "received_at": received_at},
        ).status_code,
    )
    if priority == "urgent":
        await context.run(ids.stable_id("page", ticket["id"]), lambda: page_oncall(ticket))
    await context.run(f"auto-reply-{ids.short_hash(ticket['subject'])}", reply_step(ticket, "ack"))

    opened_at = await context.run("opened-at", lambda: timeutils.utcnow())  # expect: UWF204
    await context.run(f"audit-{ids.new_id()}", lambda: write_audit(ticket["id"], opened_at))  # expect: UWF102, UWF106


async def escalate_ticket(context: Ctx[dict]) -> None:
    ticket_id = context.request_payload["ticket_id"]
    if settings.flag("ESCALATIONS_PAUSED"):
        logger.info("escalations paused, skipping %s", ticket_id)
        return

    while not timeutils.within_business_hours():  # expect: UWF101, UWF105
        await context.sleep("wait-for-business-hours", 15 * 60)

    deadline = timeutils.business_deadline(hours=4)
    logger.info("escalating %s, SLA deadline %s", ticket_id, deadline)
    try:
        await context.run("assign-senior", lambda: assign(ticket_id, "senior"))
    except Exception:
        logger.exception("assignment step failed for %s", ticket_id)
        raise

    await context.sleep_until("sla-deadline", deadline)
    status = await context.run("check-sla", lambda: httpx.get(f"{HELPDESK_API}/tickets/{ticket_id}").json()["status"])
    if status != "resolved":
        await context.run("escalate-manager", lambda: assign(ticket_id, "manager"))
    logger.info("ticket %s after SLA: %s (%s)", ticket_id, status, timeutils.format_duration(4 * 3600))


async def close_resolved(context: Ctx[dict]) -> None:
    ticket_id = context.request_payload["ticket_id"]
    if timeutils.utcnow().weekday() >= 5:  # expect: UWF101
        return  # expect: UWF104

    await context.run("close", lambda: httpx.post(f"{HELPDESK_API}/tickets/{ticket_id}/close").status_code)
    await context.run("survey", reply_step({"id": ticket_id}, "satisfaction-survey"))
