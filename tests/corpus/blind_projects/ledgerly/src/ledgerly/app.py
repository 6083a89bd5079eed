# shapes: Flask app creating the Serve object that workflows.py imports (`from .app import serve`); routes registered by importing workflows at the bottom (an import cycle); a plain Flask view reading the DB (not workflow code: no findings)
from __future__ import annotations

from flask import Flask, abort, jsonify
from upstash_workflow.flask import Serve

from .db import InvoiceRow, SessionLocal

app = Flask(__name__)
app.config["JSON_SORT_KEYS"] = False
serve = Serve(app)


@app.get("/invoices/<invoice_id>")
def show_invoice(invoice_id: str):
    with SessionLocal() as session:
        row = session.get(InvoiceRow, invoice_id)
    if row is None:
        abort(404)
    return jsonify({"id": row.id, "status": row.status, "amount": row.amount, "currency": row.currency})


@app.get("/healthz")
def healthz():
    return jsonify({"ok": True})


from . import workflows  # noqa: E402,F401  (registers the workflow routes on serve)
