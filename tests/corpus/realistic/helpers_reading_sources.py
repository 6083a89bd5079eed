# Shapes: functions of the file that read sources called from orchestration (reported at the call): a chain of helpers over date.today(), an lru_cache-wrapped requests helper, a module alias `monotonic = t.monotonic`, `import time as t`, `datetime as dt`; a workflow helper reading the clock (reported inside it, not at its call); a `# wfcheck: deterministic` function; a source helper used only inside steps (fine).
from __future__ import annotations

import logging
import time as t
from datetime import date
from datetime import datetime as dt
from functools import lru_cache, partial
from pathlib import Path

import requests
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI()
serve = Serve(app)

WEIGHTS_URL = "https://config.internal/weights.json"
monotonic = t.monotonic


def _today_key() -> str:
    return date.today().isoformat()


def partition_for_today() -> str:
    return f"events/{_today_key()}"


@lru_cache(maxsize=1)
def region_weights() -> dict:
    response = requests.get(WEIGHTS_URL, timeout=3)
    response.raise_for_status()
    return response.json()


def build_version() -> str:  # wfcheck: deterministic
    return Path("/app/VERSION").read_text().strip()


def shard_for_now(shards: int) -> int:
    return int(t.time()) % shards


def list_batch(partition: str) -> list:
    return [f"{partition}/part-{i}" for i in range(3)]


def write_stamp(batch: list, started: str) -> dict:
    return {"batch": len(batch), "started": started}


def compact_partition(partition: str, weights: dict, version: str, tick: float) -> dict:
    return {"partition": partition, "version": version, "tick": tick, "weights": len(weights)}


async def stamp_batch(context: AsyncWorkflowContext[dict], batch: list) -> None:
    started = dt.utcnow()  # expect: UWF101
    await context.run("stamp", lambda: write_stamp(batch, started.isoformat()))


@serve.post("/events/compact")
async def compact(context: AsyncWorkflowContext[dict]) -> None:
    partition = partition_for_today()  # expect: UWF101
    weights = region_weights()  # expect: UWF103
    tick = monotonic()  # expect: UWF101
    version = build_version()
    logger.info("compacting %s with build %s", partition, version)

    batch = await context.run("list-batch", partial(list_batch, partition))
    await stamp_batch(context, batch)

    def _compact() -> dict:
        shard = shard_for_now(16)
        logger.info("compacting on shard %d", shard)
        return compact_partition(partition, weights, version, tick)

    await context.run("compact", _compact)
    await context.run("shard", lambda: {"shard": shard_for_now(8)})
