# shapes: SDK module with module-level code only: the Flask app, a blueprint of plain views, and the flask Serve object that dispatch.py imports; dispatch is imported at the bottom (a cycle)
from flask import Flask
from upstash_workflow.flask import Serve

from fleetops.views import bp

app = Flask(__name__)
app.register_blueprint(bp)
serve = Serve(app)

from fleetops import dispatch
