# shapes: Flask app with `upstash_workflow.flask.Serve(app)`; the workflow module imported at the bottom (an import cycle); a plain view with no source
from flask import Flask
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "service": "telemetrix"}


from telemetrix import workflows  # noqa: E402,F401
