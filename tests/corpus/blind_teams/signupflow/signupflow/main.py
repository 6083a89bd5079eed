# shapes: FastAPI app that creates Serve(app) inline and hands it to register_workflows() from another module; settings read from os.environ at import time; a plain view (no findings)
import os

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

from signupflow.onboarding import register_workflows

ENVIRONMENT = os.environ.get("ENVIRONMENT", "dev")

app = FastAPI(title="signupflow", debug=ENVIRONMENT == "dev")
register_workflows(Serve(app))


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "environment": ENVIRONMENT}
