# shapes: module without the SDK (it imports only the `APIRouter` of workflows/serving.py, not `serve`); an app that includes the workflow router; a status view that reads the clock and sqlite freely
import sqlite3
from datetime import datetime, timezone

from fastapi import FastAPI

from learnpath.workflows import enrolment  # noqa: F401  (registers the routes)
from learnpath.workflows.serving import router

app = FastAPI(title="learnpath")
app.include_router(router)


@app.get("/status")
def status() -> dict:
    with sqlite3.connect("/var/lib/learnpath/app.db") as conn:
        pending = conn.execute("SELECT COUNT(*) FROM enrolments WHERE state = 'pending'").fetchone()[0]
    return {"pending": pending, "checked_at": datetime.now(timezone.utc).isoformat()}
