# shapes: application factory that calls register_workflows(app) from workflows.py; never imports the SDK and holds no workflow code, even though a view reads the clock (no findings)
from __future__ import annotations

import logging
import time

from fastapi import FastAPI

from mailroom.workflows import register_workflows

logging.basicConfig(level=logging.INFO)


def create_app() -> FastAPI:
    app = FastAPI(title="mailroom")
    register_workflows(app)
    started = time.monotonic()

    @app.get("/healthz")
    def healthz() -> dict:
        return {"ok": True, "uptime_s": round(time.monotonic() - started, 1)}

    return app


app = create_app()
