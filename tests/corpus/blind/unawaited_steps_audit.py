# unawaited step calls on the async context: a fire-and-forget step statement, a context.call with neither a step name nor an await, the route returning context.call, an empty step name; awaited calls for contrast
import os

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from audit.signing import sign_payload
from audit.store import audit_store, search_index

app = FastAPI()
serve = Serve(app)

SIEM_URL = os.environ.get("SIEM_URL", "https://siem.internal")
FORWARD_URL = os.environ.get("FORWARD_URL", "https://partner.example.com/hooks/audit")


@serve.post("/workflows/audit")
async def audit_trail(context: AsyncWorkflowContext[dict]) -> None:
    event = context.request_payload

    async def _persist() -> dict:
        row = await audit_store.insert(event)
        return {"id": row.id}

    saved = await context.run("persist-event", _persist)

    context.run("index-event", lambda: search_index.add(saved["id"], event))  # expect: UWF303

    context.call(url=f"{SIEM_URL}/ingest", method="POST", body=event)  # expect: UWF303, UWF306

    await context.run("", lambda: audit_store.mark_indexed(saved["id"]))  # expect: UWF306

    await context.run("mark-forwarded", lambda: audit_store.mark_forwarded(saved["id"]))


@serve.post("/workflows/audit-forward")
async def forward(context: AsyncWorkflowContext[dict]) -> None:
    async def _sign() -> dict:
        return {"event": context.request_payload, "signature": sign_payload(context.request_payload)}

    signed = await context.run("sign", _sign)
    return context.call("forward", url=FORWARD_URL, method="POST", body=signed)  # expect: UWF303
