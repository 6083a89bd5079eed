# shapes: FastAPI app with `Serve(app)`; the flow modules imported at the bottom (an import cycle); a plain view with no source
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

app = FastAPI(title="tripwise")
serve = Serve(app)


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "service": "tripwise"}


from tripwise.flows import booking, refunds  # noqa: E402,F401
