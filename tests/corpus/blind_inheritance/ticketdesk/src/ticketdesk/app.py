# shapes: Flask app creating serve = Serve(app) from upstash_workflow.flask; the handlers module is imported at the bottom (a cycle); no route here (no finding)
from flask import Flask
from upstash_workflow.flask import Serve

app = Flask(__name__)
serve = Serve(app)

from ticketdesk import handlers  # noqa: E402,F401
