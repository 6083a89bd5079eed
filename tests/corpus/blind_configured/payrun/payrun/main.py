# shapes: (clean) FastAPI app including the workflow router (no SDK import of its own); a status view reading the clock and the redis cache
from datetime import datetime, timezone

from fastapi import FastAPI

from payrun.api import router
from payrun.clients import ledger_cache

app = FastAPI(title="payrun")
app.include_router(router)


@app.get("/status")
async def status() -> dict:
    last = await ledger_cache.get("payrun:last-run")
    return {"now": datetime.now(timezone.utc).isoformat(), "last_run": last}
