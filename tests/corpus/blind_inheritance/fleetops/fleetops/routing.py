# shapes: Serve on an APIRouter (upstash_workflow.fastapi); no route here (no finding)
from fastapi import APIRouter
from upstash_workflow.fastapi import Serve

router = APIRouter(prefix="/fleet")
serve = Serve(router)
