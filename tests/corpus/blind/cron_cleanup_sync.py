# serve(route_function=...) (sync) with upstash_redis: a set read before the first step feeds a loop of steps, a nonlocal counter and a module global assigned inside steps, a module-level cache dict updated inside a step (allowed), clock and randomness inside steps (allowed)
import logging
import random
import time

from upstash_redis import Redis
from upstash_workflow import WorkflowContext, serve

redis = Redis.from_env()
logger = logging.getLogger("cleanup")

_last_seen: dict[str, float] = {}
RUNS = 0


def cleanup_sessions(context: WorkflowContext[dict]) -> None:
    prefix = context.request_payload.get("prefix", "session:")
    removed = 0

    stale = redis.smembers(f"{prefix}stale")  # expect: UWF103
    for sid in sorted(stale):  # expect: UWF105
        def _drop(sid: str = sid) -> int:
            nonlocal removed
            deleted = redis.delete(f"{prefix}{sid}")
            removed += deleted  # expect: UWF201
            _last_seen[sid] = time.time()
            return deleted

        context.run(f"drop-{sid}", _drop)

    def _tally() -> dict:
        global RUNS
        RUNS += 1  # expect: UWF201
        return {"removed": removed, "sample": random.random() < 0.01}

    summary = context.run("tally", _tally)
    logger.info("cleanup done: %s", summary)


handler = serve(route_function=cleanup_sessions)["handler"]
