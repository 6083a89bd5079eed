# shapes: `from upstash_workflow import WorkflowContext as SyncCtx`; a shared sync context alias (`TelemetryCtx`) used by workflows.py and alerts.py
from upstash_workflow import WorkflowContext as SyncCtx

TelemetryCtx = SyncCtx[dict]
