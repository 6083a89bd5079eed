# shapes: FastAPI app; `from upstash_workflow.fastapi import Serve as WorkflowServe`; the route modules imported at the bottom (an import cycle); a plain view with no source
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve as WorkflowServe

app = FastAPI(title="reconcily")
serve = WorkflowServe(app)


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "service": "reconcily"}


from reconcily.routes import chargebacks, settlement  # noqa: E402,F401
