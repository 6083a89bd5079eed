# shapes: no SDK: the FastAPI app includes the router and imports pipelines for registration; an ops view reads redis, the clock, uuid4 and the monotonic clock freely; nothing here is a finding
import time
import uuid
from datetime import datetime, timezone

import redis
from fastapi import FastAPI

import modlens.pipelines  # noqa: F401  (registers the workflow routes)
from modlens.serving import router

app = FastAPI(title="modlens")
app.include_router(router)

stats_cache = redis.Redis(host="localhost", port=6379, decode_responses=True)
BOOTED_AT = time.monotonic()


@app.get("/ops/stats")
def stats() -> dict:
    return {
        "queued": stats_cache.llen("review:queue"),
        "generated_at": datetime.now(timezone.utc).isoformat(),
        "request_id": str(uuid.uuid4()),
        "uptime_s": int(time.monotonic() - BOOTED_AT),
    }
