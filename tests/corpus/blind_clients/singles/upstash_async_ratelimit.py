# shapes: FastAPI; an upstash_redis.asyncio client from Redis.from_env() at module level and a redis.asyncio client (aliased) constructed in the route (fine); awaited reads outside steps deciding a sleep before the first step (103, 105, no return so no 104) and reaching a step name (103, 106); the clients inside nested async steps and lambdas (fine) and an awaited read inside a call body (exempt)
from fastapi import FastAPI
from redis.asyncio import Redis as AsyncRedis
from upstash_redis.asyncio import Redis
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

app = FastAPI()
serve = Serve(app)
limits = Redis.from_env()


@serve.post("/ingest")
async def ingest(context: AsyncWorkflowContext[dict]) -> None:
    client_id = context.request_payload["client_id"]
    sessions = AsyncRedis(host="sessions.internal", port=6379, decode_responses=True)
    used = await limits.incr(f"ingest:{client_id}")  # expect: UWF103
    if used > 100:  # expect: UWF105
        await context.sleep("throttle", 60)
    shard = await sessions.get(f"shard:{client_id}")  # expect: UWF103

    async def _ingest() -> int:
        pending = await sessions.lrange(f"pending:{client_id}", 0, -1)
        await sessions.delete(f"pending:{client_id}")
        return len(pending)

    count = await context.run(f"ingest-{shard}", _ingest)  # expect: UWF106
    await context.run("count-ingested", lambda: limits.incrby("ingested", count))
    await context.call("ack", url="https://hooks.example.com/ingested", method="POST", body={"client": client_id, "count": count, "remaining": await limits.get(f"quota:{client_id}")})
