# shapes: FastAPI app creating serve = Serve(app) from upstash_workflow.fastapi; the route modules are imported at the bottom (a cycle); no route here (no finding)
from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

app = FastAPI(title="reportkit")
serve = Serve(app)

from reportkit import exports, reports  # noqa: E402,F401
