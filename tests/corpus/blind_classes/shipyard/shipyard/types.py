# shapes: a context type alias for the sync Flask context, `ShipCtx = WorkflowContext[dict]`; imported by routes.py (annotations and typing.cast) and by sagas.py, which imports nothing else of the SDK; nothing here is a finding
from upstash_workflow import WorkflowContext

ShipCtx = WorkflowContext[dict]
