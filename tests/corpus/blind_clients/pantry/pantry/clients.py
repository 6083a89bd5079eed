# shapes: no SDK; module-level clients of known kinds (redis.Redis, upstash_redis.Redis.from_env under an alias, boto3 client, boto3.resource(...).Table(...), OpenAI, httpx.Client) and a warm-up function that reads them freely
import os

import boto3
import httpx
import redis
from openai import OpenAI
from upstash_redis import Redis as UpstashRedis

WEBHOOK_URL = os.environ.get("PANTRY_WEBHOOK_URL", "https://hooks.example.com/pantry")

cache = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379, decode_responses=True)
kv = UpstashRedis.from_env()
s3 = boto3.client("s3")
orders_table = boto3.resource("dynamodb").Table("pantry-orders")
ai = OpenAI()
supplier_api = httpx.Client(base_url="https://supplier.example.com", timeout=10.0)


def warm_cache(skus: list) -> int:
    warmed = 0
    for sku in skus:
        if cache.exists(f"stock:{sku}"):
            continue
        units = supplier_api.get(f"/stock/{sku}").json()["units"]
        cache.hset("stock", sku, units)
        warmed += 1
    return warmed
