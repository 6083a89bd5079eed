# shapes: module without the SDK; a module-level `upstash_redis` client (`Redis.from_env()`) imported elsewhere under an alias; `lookup_device` reads it
import json
from typing import Optional

from upstash_redis import Redis

device_cache = Redis.from_env()


def lookup_device(device_id: str) -> Optional[dict]:
    raw = device_cache.get(f"device:{device_id}")
    return json.loads(raw) if raw else None


def mute(device_id: str, seconds: int) -> bool:
    device_cache.set(f"muted:{device_id}", "1", ex=seconds)
    return True
