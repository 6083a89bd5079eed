# shapes: `from upstash_workflow.fastapi import Serve as WorkflowServe`; module-level `serve = WorkflowServe(app)` that workflows.py imports; workflows.py imported at the bottom for registration (an import cycle); a plain health view; nothing here is a finding
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve as WorkflowServe

app = FastAPI(title="paybridge")
serve = WorkflowServe(app)


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "service": "paybridge"}


from paybridge import workflows  # noqa: E402,F401  (registers the workflow routes)
