# shapes: FastAPI app module without the SDK import: includes the workflow router (an APIRouter, not a Serve object), a health view and a startup hook that read the clock and redis (not workflow code, no findings)
import time

from fastapi import FastAPI

from gitsync import container
from gitsync.api import router

app = FastAPI(title="gitsync")
app.include_router(router)

STARTED_AT = time.time()


@app.on_event("startup")
def warm_up() -> None:
    container.redis.set(container.namespaced("last-boot"), time.time())


@app.get("/healthz")
def healthz() -> dict:
    return {"uptime": round(time.time() - STARTED_AT, 1), "redis": bool(container.redis.ping())}
