# shapes: Serve(FastAPI app); handlers imported from another module and registered in the call form serve.post(PATH, retries=...)(handler); retries read from settings at import time; a plain def registered in the call form on the async adapter (sync/async mismatch, with its unawaited step); a plain FastAPI view that only reads settings
import httpx
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from ticketdesk import settings
from ticketdesk.handlers import close_resolved, escalate_ticket, triage_ticket

app = FastAPI(title="ticketdesk")
serve = Serve(app)

RETRIES = settings.int_setting("WORKFLOW_RETRIES", 3)

serve.post("/workflows/triage", retries=RETRIES)(triage_ticket)
serve.post("/workflows/escalate", retries=RETRIES)(escalate_ticket)
serve.post("/workflows/close-resolved")(close_resolved)


def reopen_ticket(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF304
    ticket_id = context.request_payload["ticket_id"]
    context.run("reopen", lambda: httpx.post(f"{settings.get('HELPDESK_API')}/tickets/{ticket_id}/reopen").status_code)  # expect: UWF303


serve.post("/workflows/reopen")(reopen_ticket)


@app.get("/config")
def show_config() -> dict:
    return {"retries": RETRIES, "paused": settings.flag("ESCALATIONS_PAUSED")}
