# shapes: a context type alias declared through `import upstash_workflow as uw`; imported by workflows.py (route annotations) and services/dunning.py (an __init__ annotation); nothing here is a finding
import upstash_workflow as uw

InvoiceCtx = uw.AsyncWorkflowContext[dict]
