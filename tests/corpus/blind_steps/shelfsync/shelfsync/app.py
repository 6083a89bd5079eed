# shapes: workflow module (SDK import) that only creates the FastAPI app and serve = Serve(app); a plain health view; nothing to report
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

app = FastAPI(title="shelfsync")
serve = Serve(app)


@app.get("/healthz")
async def healthz() -> dict:
    return {"ok": True}
