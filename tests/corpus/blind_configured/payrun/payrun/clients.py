# shapes: module-level clients (no SDK): an upstash_redis asyncio cache and an httpx client for the bank
import os

import httpx
from upstash_redis.asyncio import Redis

ledger_cache = Redis.from_env()
bank_http = httpx.Client(base_url=os.environ.get("BANK_API_URL", "https://bank.example.com/api"), timeout=20)
