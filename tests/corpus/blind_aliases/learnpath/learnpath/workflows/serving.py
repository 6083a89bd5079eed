# shapes: `Serve(APIRouter)` created in its own module; `serve` imported by enrolment.py, `router` by main.py
from fastapi import APIRouter
from upstash_workflow.fastapi import Serve

router = APIRouter(prefix="/wf", tags=["workflows"])
serve = Serve(router)
