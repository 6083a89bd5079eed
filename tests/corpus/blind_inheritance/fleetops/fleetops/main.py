# shapes: no SDK; the FastAPI app including the workflow router and importing the route modules for their registration; a plain view and module-level code reading the clock (no finding)
import time

from fastapi import FastAPI

from fleetops import maintenance, recalls  # noqa: F401
from fleetops.routing import router

STARTED_AT = time.time()

app = FastAPI(title="fleetops")
app.include_router(router)


@app.get("/healthz")
def healthz() -> dict:
    return {"uptime": time.time() - STARTED_AT}
