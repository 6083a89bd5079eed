# shapes: no SDK: ReviewQueue keeps a redis.Redis client in self.redis and every method talks to redis; is_locked() is reported at its orchestration call in pipelines.py, the rest run only inside steps; a module-level janitor reads the clock and redis freely; nothing here is a finding
import time

import redis


class ReviewQueue:
    def __init__(self, host: str = "localhost", port: int = 6379) -> None:
        self.redis = redis.Redis(host=host, port=port, decode_responses=True)

    def is_locked(self, post_id: str) -> bool:
        return bool(self.redis.exists(f"lock:{post_id}"))

    def lock(self, post_id: str) -> dict:
        self.redis.set(f"lock:{post_id}", "1", ex=3600)
        return {"locked": post_id}

    def release(self, post_id: str) -> dict:
        return {"released": bool(self.redis.delete(f"lock:{post_id}"))}

    def hide(self, post_id: str) -> dict:
        self.redis.sadd("hidden", post_id)
        return {"hidden": post_id}

    def assign(self, post_id: str, reviewer: str) -> dict:
        self.redis.hset("assignments", post_id, reviewer)
        return {"post_id": post_id, "reviewer": reviewer}

    def push(self, post_id: str, reason: str) -> dict:
        return {"position": self.redis.rpush("review:queue", f"{post_id}:{reason}")}

    def archive(self, post_id: str) -> dict:
        return {"archived": bool(self.redis.smove("open", "archived", post_id))}

    def notify_author(self, post_id: str) -> dict:
        return {"sent": self.redis.publish("notify:author", post_id)}

    def notify_reviewers(self, post_id: str) -> dict:
        return {"sent": self.redis.publish("notify:reviewers", post_id)}

    def apply_decision(self, post_id: str, decision: dict) -> dict:
        self.redis.hset("decisions", post_id, decision.get("verdict", "keep"))
        return {"post_id": post_id, "verdict": decision.get("verdict", "keep")}

    def purge(self, post_id: str) -> dict:
        return {"purged": bool(self.redis.delete(f"cache:post:{post_id}"))}


def sweep_stale_locks(queue: ReviewQueue) -> int:
    cutoff = time.time() - 3600
    swept = 0
    for key in queue.redis.scan_iter("lock:*"):
        if float(queue.redis.get(f"{key}:at") or 0) < cutoff:
            queue.redis.delete(key)
            swept += 1
    return swept
