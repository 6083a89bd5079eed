# shapes: Flask app and the flask Serve object created here; the route modules are imported at the bottom (a cycle)
from flask import Flask
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)


@app.get("/healthz")
def healthz():
    return {"ok": True}


from fleetops import legacy_recall, maintenance  # noqa: E402,F401
