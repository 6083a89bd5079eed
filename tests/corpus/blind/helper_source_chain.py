# helpers of the file that read sources: a clock-reading window helper called from orchestration (reported at the call) whose value decides a branch of steps, a workflow helper that receives the context and builds a ticket reference from uuid4 outside a step and names a step with it, a clock helper called only inside a step (not reported)
import time
import uuid
from datetime import datetime, timezone

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from support.helpdesk import helpdesk
from support.routing import routing

app = FastAPI()
serve = Serve(app)


def current_window(size_s: int = 3600) -> int:
    return int(time.time() // size_s)


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat()


async def open_ticket(context: AsyncWorkflowContext[dict], customer_id: str) -> str:
    ticket_ref = f"T-{uuid.uuid4().hex[:8]}"  # expect: UWF102
    await context.run(f"open-ticket-{ticket_ref}", lambda: helpdesk.open(customer_id, ticket_ref))  # expect: UWF106
    return ticket_ref


@serve.post("/workflows/support-escalation")
async def escalation(context: AsyncWorkflowContext[dict]) -> None:
    customer_id = context.request_payload["customer_id"]

    window = current_window()  # expect: UWF101
    if window % 2 == 0:  # expect: UWF105
        await context.run("route-to-emea", lambda: routing.assign(customer_id, "emea"))
    else:
        await context.run("route-to-amer", lambda: routing.assign(customer_id, "amer"))

    await open_ticket(context, customer_id)

    await context.run("stamp", lambda: helpdesk.annotate(customer_id, {"escalated_at": _now_iso()}))
