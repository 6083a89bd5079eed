# shapes: no SDK; a batch worker that uses the same clients (redis, upstash_redis, boto3 client and Table, OpenAI, requests.Session, httpx.Client, SQLAlchemy Session, sqlite3 cursor) with the clock and randomness freely, deciding branches and loops; a local `context` dict and a Runner with run/sleep methods
import random
import sqlite3
import time
import uuid
from datetime import datetime

import boto3
import httpx
import redis
import requests
from openai import OpenAI
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from upstash_redis import Redis

cache = redis.Redis(decode_responses=True)
kv = Redis.from_env()
s3 = boto3.client("s3")
jobs = boto3.resource("dynamodb").Table("jobs")
ai = OpenAI()
http = requests.Session()
api = httpx.Client(base_url="https://api.example.com")
db = Session(create_engine("sqlite:///worker.db"))


class Runner:
    def run(self, name: str, fn):
        return fn()

    def sleep(self, name: str, seconds: int) -> None:
        time.sleep(seconds)


def work(context: dict) -> None:
    runner = Runner()
    if cache.exists("worker:paused") or datetime.now().hour < 6:
        return
    for key in kv.smembers("queued"):
        if random.random() < 0.5:
            runner.sleep(f"wait-{uuid.uuid4()}", 1)
        item = jobs.get_item(Key={"id": key})
        if "Item" not in item:
            continue
        head = s3.head_object(Bucket="inputs", Key=key)
        if head["ContentLength"] > 10_000:
            api.post("/large", json={"key": key})
        else:
            runner.run(f"small-{key}", lambda: http.get(f"https://inputs.example.com/{key}").status_code)
        summary = ai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": key}])
        context[key] = summary.choices[0].message.content
    count = db.scalar(text("select count(*) from jobs"))
    conn = sqlite3.connect("worker.db")
    cursor = conn.cursor()
    cursor.execute("insert into runs(at, jobs) values (?, ?)", (time.time(), count))
    conn.commit()


if __name__ == "__main__":
    work({})
