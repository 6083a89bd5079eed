# shapes: app module: an inline `Serve(app)` handed to register_workflows(serve: Serve) from flows.py; a plain health view; nothing here is a finding
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

from onboardly.flows import register_workflows

app = FastAPI(title="onboardly")
register_workflows(Serve(app))


@app.get("/healthz")
async def healthz() -> dict:
    return {"ok": True, "service": "onboardly"}
