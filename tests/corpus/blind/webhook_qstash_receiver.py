# Not workflow code (no upstash_workflow import): a FastAPI endpoint that verifies plain QStash messages with qstash.Receiver, caches in upstash_redis, reads the clock, awaits I/O, uses a local decorator named serve and a handler parameter named context
import json
import os
import time
import uuid

from fastapi import FastAPI, Request, Response
from qstash import Receiver
from upstash_redis.asyncio import Redis

app = FastAPI()
redis = Redis.from_env()
receiver = Receiver(
    current_signing_key=os.environ["QSTASH_CURRENT_SIGNING_KEY"],
    next_signing_key=os.environ["QSTASH_NEXT_SIGNING_KEY"],
)

HANDLERS = {}


def serve(fn):
    HANDLERS[fn.__name__] = fn
    return fn


@serve
async def on_order_created(context: dict) -> None:
    if await redis.get(f"seen:{context['id']}"):
        return
    await redis.set(f"seen:{context['id']}", str(time.time()), ex=3600)
    await redis.lpush("orders", json.dumps(context))


@app.post("/qstash/{name}")
async def qstash_webhook(name: str, request: Request) -> Response:
    body = (await request.body()).decode()
    receiver.verify(
        body=body,
        signature=request.headers.get("Upstash-Signature", ""),
        url=str(request.url),
    )
    handler = HANDLERS.get(name)
    if handler is None:
        return Response(status_code=404)
    context = json.loads(body)
    context.setdefault("id", str(uuid.uuid4()))
    await handler(context)
    return Response(status_code=200)
