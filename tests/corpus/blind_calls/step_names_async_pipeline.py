# shapes: step names built many ways on the async context: module constants, a `str` Enum member's `.value` in f-strings, payload values, loop variables over a step result (tuples unpacked, `.upper()`, dict lookups), `"%s-%d" %`, `str.format`, `"/".join`, the run id, a name computed by a pure file function. UWF306 on the async context: `run(step_function=...)` with no name, `sleep_until(step_name=None, ...)`, an int `7` as a run name, `call(step_name="", ...)`. Fine: bound methods of a file instance and partials as step functions
import functools
import logging
from enum import Enum

import httpx
from fastapi import FastAPI
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

log = logging.getLogger("etl")

app = FastAPI()
serve = Serve(app)

WAREHOUSE_URL = "https://warehouse.example.com"
STEP_DISCOVER = "discover-sources"


class Stage(str, Enum):
    EXTRACT = "extract"
    TRANSFORM = "transform"
    LOAD = "load"


def step_key(source: str, stage: Stage, part: int) -> str:
    return f"{source.lower()}:{stage.value}:{part:03d}"


class Warehouse:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    async def discover(self) -> list:
        async with httpx.AsyncClient() as client:
            resp = await client.get(f"{self.base_url}/sources")
            return [(s["name"], s["parts"]) for s in resp.json()]

    async def extract(self, source: str, part: int) -> int:
        async with httpx.AsyncClient() as client:
            resp = await client.post(f"{self.base_url}/extract", json={"source": source, "part": part})
            return resp.json()["rows"]

    async def vacuum(self) -> bool:
        async with httpx.AsyncClient() as client:
            return (await client.post(f"{self.base_url}/vacuum")).status_code == 200


warehouse = Warehouse(WAREHOUSE_URL)


@serve.post("/etl/nightly")
async def nightly(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload
    dataset = payload["dataset"]
    sources = await context.run(STEP_DISCOVER, warehouse.discover)

    totals = {}
    for source, parts in sources:
        for part in range(parts):
            rows = await context.run(f"{Stage.EXTRACT.value}-{source}-{part}", functools.partial(warehouse.extract, source, part))
            totals[source] = totals.get(source, 0) + rows
        await context.run("%s-%d" % (Stage.TRANSFORM.value, len(totals)), lambda s=source: {"source": s})
        await context.run(step_key(source, Stage.LOAD, parts), lambda s=source: {"loaded": s})

    for source in sorted(totals):
        await context.call("notify-{}".format(source.upper()), url=f"{WAREHOUSE_URL}/notify", method="POST", body={"rows": totals[source]})

    await context.run("/".join([dataset, "vacuum"]), warehouse.vacuum)
    await context.sleep(f"cooldown-{context.workflow_run_id}", 300)
    await context.run(payload.get("final_step", "finish"), lambda: {"dataset": dataset, "sources": len(totals)})


@serve.post("/etl/backfill")
async def backfill(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload
    sources = await context.run(step_function=warehouse.discover)  # expect: UWF306
    log.info("backfilling %d sources", len(sources))

    await context.sleep_until(step_name=None, date_time=payload["start_at"])  # expect: UWF306
    for source, parts in sources:
        await context.run(7, functools.partial(warehouse.extract, source, parts - 1))  # expect: UWF306

    await context.call(step_name="", url=f"{WAREHOUSE_URL}/backfill/done", method="POST", body={"sources": len(sources)})  # expect: UWF306
    await context.run("vacuum", warehouse.vacuum)
