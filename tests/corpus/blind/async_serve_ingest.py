# async_serve call form with failure_function=: an awaited storage listing is the iterable of a loop of steps, an outer list extended inside a step, a failure function that reads the clock and writes to the database (not workflow code)
import logging
from datetime import datetime, timezone

from upstash_workflow import AsyncWorkflowContext, async_serve

from docstore.db import mark_failed
from docstore.search import index_documents
from docstore.storage import StorageClient

storage = StorageClient.from_env()
logger = logging.getLogger("ingest")


async def ingest(context: AsyncWorkflowContext[dict]) -> None:
    prefix = context.request_payload["prefix"]
    indexed: list[str] = []

    for key in await storage.list_documents(prefix):  # expect: UWF103, UWF105
        async def _index(key: str = key) -> None:
            document = await storage.read(key)
            ids = await index_documents([document])
            indexed.extend(ids)  # expect: UWF201

        await context.run(f"index-{key}", _index)

    async def _summarize() -> dict:
        return {"prefix": prefix, "indexed": len(indexed)}

    summary = await context.run("summarize", _summarize)
    logger.info("ingest of %s finished: %s", prefix, summary)


async def on_ingest_failure(context, fail_status, fail_response, fail_headers) -> None:
    failed_at = datetime.now(timezone.utc)
    logger.error("ingest failed with %s: %s", fail_status, fail_response)
    await mark_failed(context.request_payload["prefix"], failed_at.isoformat(), fail_status)


handler = async_serve(ingest, failure_function=on_ingest_failure)["handler"]
