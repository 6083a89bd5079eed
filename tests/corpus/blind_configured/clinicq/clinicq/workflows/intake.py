# shapes: (no configuration) a route on the serve imported from web.py: the module-level OpenAI client of clients.py called before the first step, its answer deciding a step (UWF103, UWF105); asyncio.wait_for around a step (UWF302, racing form); an annotated helper of forms.py taking the context (nothing at its call)
import asyncio

from upstash_workflow import AsyncWorkflowContext

from clinicq import ehr_api
from clinicq.clients import llm
from clinicq.web import serve
from clinicq.workflows.forms import collect_forms

TRIAGE_PROMPT = "Answer URGENT or ROUTINE for these symptoms: "


@serve.post("/intake")
async def patient_intake(context: AsyncWorkflowContext[dict]) -> None:
    patient = context.request_payload["patient"]
    triage = llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": TRIAGE_PROMPT + patient["symptoms"]}])  # expect: UWF103
    urgent = "URGENT" in triage.choices[0].message.content
    if urgent:  # expect: UWF105
        await context.run("page-triage-nurse", lambda: ehr_api.page_nurse(patient["id"]))

    labs = await asyncio.wait_for(context.run("fetch-labs", lambda: ehr_api.fetch_labs(patient["id"])), timeout=30)  # expect: UWF302
    await collect_forms(context, patient)
    await context.run("file-intake", lambda: ehr_api.file_intake(patient["id"], labs))
