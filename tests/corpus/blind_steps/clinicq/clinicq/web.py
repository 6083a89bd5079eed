# shapes: workflow module (SDK import) that only creates the Flask app and serve = Serve(app) from the flask adapter; a plain health view; nothing to report
from flask import Flask, jsonify
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)


@app.get("/healthz")
def healthz():
    return jsonify(ok=True)
