# shapes: no SDK import; a Starlette app mounting the handlers that pipeline.py gets from async_serve; nothing to report
from starlette.applications import Starlette
from starlette.routing import Route

from feedhub.pipeline import backfill_handler, ingest_handler

app = Starlette(
    routes=[
        Route("/workflows/ingest", ingest_handler, methods=["POST"]),
        Route("/workflows/backfill", backfill_handler, methods=["POST"]),
    ]
)
