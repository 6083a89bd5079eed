# shapes: (clean) Serve(APIRouter) created here; the route modules are imported at the bottom (a cycle)
from fastapi import APIRouter
from upstash_workflow.fastapi import Serve

router = APIRouter(prefix="/workflows")
serve = Serve(router)

from payrun import backfill, flows  # noqa: E402,F401
