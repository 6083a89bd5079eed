# shapes: Flask app with a module-level `flask.Serve` that routes.py imports; a plain health view; nothing here is a finding
from flask import Flask
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)


@app.get("/healthz")
def healthz():
    return {"ok": True, "service": "shipyard"}
