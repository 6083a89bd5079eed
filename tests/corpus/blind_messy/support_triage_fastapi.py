# shapes: 5 labels. FastAPI Serve(app), a triage route and a follow-up route sharing a HelpdeskClient object and a workflow helper; an OpenAI chat completion made in orchestration (103) whose answer, taken through attributes and subscripts, decides a paging step (105); a workflow helper given the context that names a claim step after socket.gethostname() (103, 106 inside it, nothing at its call); a CRM sync retry loop whose try/except Exception wraps a step and breaks on success (305). Fine: the same OpenAI client inside a step in the follow-up route, bound methods through functools.partial, a prompt built by a pure helper, a match on a step result, a sleep_until on a step result, int and "30m" sleeps, an async def step with httpx
"""Support ticket triage workflows (customer support tooling)."""
import logging
import os
import socket
from functools import partial
from typing import Any

import httpx
from fastapi import FastAPI
from openai import OpenAI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger("support.triage")

app = FastAPI(title="support-workflows")
serve = Serve(app)

HELPDESK_API = os.environ.get("HELPDESK_API", "https://helpdesk.internal/api")
CRM_API = os.environ.get("CRM_API", "https://crm.internal/api")
PAGER_API = os.environ.get("PAGER_API", "https://pager.internal/v2")
TRIAGE_MODEL = os.environ.get("TRIAGE_MODEL", "gpt-4o-mini")

llm = OpenAI()


class HelpdeskClient:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=15)

    def get_ticket(self, ticket_id: str) -> dict[str, Any]:
        resp = self.http.get(f"/tickets/{ticket_id}")
        resp.raise_for_status()
        data = resp.json()
        return {"id": data["id"], "subject": data["subject"], "body": data["body"], "customer": data["customer_id"]}

    def assign(self, ticket_id: str, worker: str) -> dict[str, Any]:
        resp = self.http.post(f"/tickets/{ticket_id}/assign", json={"worker": worker})
        resp.raise_for_status()
        return {"assigned_to": worker}

    def set_priority(self, ticket_id: str, priority: str) -> dict[str, Any]:
        resp = self.http.patch(f"/tickets/{ticket_id}", json={"priority": priority})
        resp.raise_for_status()
        return {"priority": priority}

    def status(self, ticket_id: str) -> dict[str, Any]:
        resp = self.http.get(f"/tickets/{ticket_id}/status")
        resp.raise_for_status()
        return {"state": resp.json()["state"], "sla_due": resp.json().get("sla_due_epoch")}


helpdesk = HelpdeskClient(HELPDESK_API)


def build_triage_prompt(ticket: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "Answer with exactly one word: urgent, normal or spam."},
        {"role": "user", "content": f"Subject: {ticket['subject']}\n\n{ticket['body'][:4000]}"},
    ]


def page_oncall(ticket_id: str, summary: str) -> dict[str, Any]:
    resp = httpx.post(f"{PAGER_API}/incidents", json={"ticket": ticket_id, "summary": summary}, timeout=10)
    resp.raise_for_status()
    return {"incident": resp.json()["id"]}


def sync_ticket_to_crm(ticket_id: str, customer_id: str) -> dict[str, Any]:
    resp = httpx.post(f"{CRM_API}/activities", json={"ticket": ticket_id, "customer": customer_id}, timeout=20)
    resp.raise_for_status()
    return {"activity": resp.json()["id"]}


async def claim_ticket(context: AsyncWorkflowContext[dict], ticket_id: str) -> dict[str, Any]:
    worker = socket.gethostname()  # expect: UWF103
    return await context.run(f"claim-{ticket_id}-{worker}", partial(helpdesk.assign, ticket_id, worker))  # expect: UWF106


@serve.post("/workflows/tickets/triage")
async def triage_ticket(context: AsyncWorkflowContext[dict]) -> None:
    ticket_id = context.request_payload["ticket_id"]
    ticket = await context.run("load-ticket", partial(helpdesk.get_ticket, ticket_id))
    await claim_ticket(context, ticket_id)

    reply = llm.chat.completions.create(model=TRIAGE_MODEL, messages=build_triage_prompt(ticket), temperature=0)  # expect: UWF103
    verdict = reply.choices[0].message.content
    logger.info("ticket %s triaged as %s", ticket_id, verdict)
    if verdict == "urgent":  # expect: UWF105
        await context.run("page-oncall", partial(page_oncall, ticket_id, ticket["subject"]))

    await context.run("set-priority", partial(helpdesk.set_priority, ticket_id, "normal"))

    for attempt in range(3):
        try:
            await context.run(f"sync-crm-{attempt}", partial(sync_ticket_to_crm, ticket_id, ticket["customer"]))
            break
        except Exception as exc:  # expect: UWF305
            logger.warning("CRM sync attempt %s for ticket %s failed: %s", attempt, ticket_id, exc)

    await context.sleep("first-response-window", "30m")
    status = await context.run("check-first-response", partial(helpdesk.status, ticket_id))
    if status["state"] == "waiting-on-agent":
        await context.run("nudge-team", partial(page_oncall, ticket_id, "no first response after 30m"))


@serve.post("/workflows/tickets/follow-up")
async def follow_up(context: AsyncWorkflowContext[dict]) -> None:
    ticket_id = context.request_payload["ticket_id"]
    status = await context.run("status", partial(helpdesk.status, ticket_id))
    match status["state"]:
        case "closed" | "spam":
            logger.info("ticket %s needs no follow-up", ticket_id)
            return
        case "waiting-on-customer":
            await context.sleep("customer-grace", 2 * 24 * 3600)
        case _:
            if status["sla_due"]:
                await context.sleep_until("sla-due", status["sla_due"])

    ticket = await context.run("reload-ticket", partial(helpdesk.get_ticket, ticket_id))

    async def _draft() -> str:
        completion = llm.chat.completions.create(
            model=TRIAGE_MODEL,
            messages=[{"role": "user", "content": f"Draft a polite follow-up for: {ticket['subject']}"}],
        )
        return completion.choices[0].message.content or ""

    draft = await context.run("draft-follow-up", _draft)
    await context.run(
        "post-draft",
        lambda: helpdesk.http.post(f"/tickets/{ticket_id}/drafts", json={"body": draft}).status_code,
    )
