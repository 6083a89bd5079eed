# shapes: Flask app factory without the SDK import: registers the workflow blueprint (a Blueprint, not a Serve object) and has a status view that reads the clock and sqlite (not workflow code, no findings)
import os
import sqlite3
import time
from datetime import datetime, timezone

from flask import Flask, jsonify

from invoicely.repositories import DB_PATH
from invoicely.workflows import bp


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev")
    app.register_blueprint(bp)

    @app.get("/status")
    def status():
        started = time.perf_counter()
        with sqlite3.connect(DB_PATH) as conn:
            overdue = conn.execute("SELECT COUNT(*) FROM invoices WHERE status = 'overdue'").fetchone()[0]
        return jsonify(
            overdue=overdue,
            checked_at=datetime.now(timezone.utc).isoformat(),
            took_ms=round((time.perf_counter() - started) * 1000, 2),
        )

    return app
