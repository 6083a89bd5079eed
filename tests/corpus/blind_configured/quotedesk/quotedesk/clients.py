# shapes: module-level clients (no SDK): an upstash_redis cache and a requests Session, used freely here
import requests
from upstash_redis import Redis

cache = Redis.from_env()
bureau_http = requests.Session()
bureau_http.headers.update({"User-Agent": "quotedesk/0.4"})


def remember_quote(quote_id: str, payload: str) -> bool:
    return bool(cache.set(f"quote:{quote_id}", payload, ex=86400))


def forget_quote(quote_id: str) -> int:
    return cache.delete(f"quote:{quote_id}")
