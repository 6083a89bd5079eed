# shapes: (no configuration) an annotated workflow helper (AsyncWorkflowContext) in a workflow module, called with the context from intake.py, so its findings sit inside it: a global assignment inside a step (UWF201), an unawaited context.sleep (UWF303); an awaited service call inside a step (fine)
from upstash_workflow import AsyncWorkflowContext

from clinicq import forms_api

LAST_SYNCED_AT = None


async def collect_forms(context: AsyncWorkflowContext[dict], patient: dict) -> None:
    async def _sync_forms() -> dict:
        global LAST_SYNCED_AT
        forms = await forms_api.pull(patient["id"])
        LAST_SYNCED_AT = forms["synced_at"]  # expect: UWF201
        return forms

    forms = await context.run("sync-forms", _sync_forms)
    context.sleep("forms-grace-period", 3600)  # expect: UWF303
    await context.run("file-forms", lambda: forms_api.file(patient["id"], forms))
