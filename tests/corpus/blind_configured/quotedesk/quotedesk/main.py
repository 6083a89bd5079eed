# shapes: FastAPI app and the Serve object created here; the route modules are imported at the bottom (a cycle); a plain health view that reads no source
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

app = FastAPI(title="quotedesk")
serve = Serve(app)


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "service": "quotedesk"}


from quotedesk import renewals, routes  # noqa: E402,F401
