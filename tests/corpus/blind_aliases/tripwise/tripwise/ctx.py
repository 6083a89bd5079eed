# shapes: `import upstash_workflow as uw`; a shared context alias (`TripCtx`) imported at run time by refunds.py and only under `TYPE_CHECKING` by legs.py
import upstash_workflow as uw

TripCtx = uw.AsyncWorkflowContext[dict]
