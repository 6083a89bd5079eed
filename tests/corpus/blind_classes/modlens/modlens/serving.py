# shapes: `Serve(APIRouter)` created at module level for the routes that pipelines.py attaches; no routes here; nothing here is a finding
from fastapi import APIRouter
from upstash_workflow.fastapi import Serve

router = APIRouter(prefix="/moderation")
serve = Serve(router)
