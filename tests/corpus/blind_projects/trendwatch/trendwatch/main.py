# shapes: FastAPI app creating the Serve object and handing it to attach_routes() of routes.py; plain FastAPI views that read the clock and sqlite (not workflow code: no findings)
from __future__ import annotations

import time

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

from trendwatch.config import get_settings
from trendwatch.routes import attach_routes
from trendwatch.services import load_watchlist

app = FastAPI(title="trendwatch")
serve = Serve(app)
attach_routes(serve)

STARTED_AT = time.time()


@app.get("/healthz")
async def healthz() -> dict:
    return {"ok": True, "uptime_s": round(time.time() - STARTED_AT, 1)}


@app.get("/watchlist")
def watchlist() -> dict:
    settings = get_settings()
    return {"key": settings.watchlist_key, "symbols": load_watchlist(settings.watchlist_key)}
