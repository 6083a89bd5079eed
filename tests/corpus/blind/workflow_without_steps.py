# routes without steps: one that only logs its payload, one that calls a library directly instead of in a step, one whose helper receives the context but only logs; routes that reach steps through a helper of the file or through a placeholder dummy step (correct)
import logging

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from catalog.search import search
from catalog.sync import pull_products, push_products

app = FastAPI()
serve = Serve(app)
logger = logging.getLogger("catalog.workflows")


def log_request(context, log: logging.Logger) -> None:
    log.info("workflow %s called with %s", context.workflow_run_id, context.request_payload)


async def run_catalog_sync(context: AsyncWorkflowContext[dict], shop: str) -> None:
    products = await context.run("pull-products", lambda: pull_products(shop))
    await context.run("push-products", lambda: push_products(shop, products))


@serve.post("/workflows/ping")
async def ping(context: AsyncWorkflowContext[str]) -> None:  # expect: UWF301
    logger.info("ping received: %s", context.request_payload)


@serve.post("/workflows/reindex")
async def reindex(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
    index_name = context.request_payload["index"]
    search.rebuild(index_name)
    logger.info("rebuilt %s", index_name)


@serve.post("/workflows/audit-ping")
async def audit_ping(context: AsyncWorkflowContext[dict]) -> None:  # expect: UWF301
    log_request(context, logger)


@serve.post("/workflows/sync-catalog")
async def sync_catalog(context: AsyncWorkflowContext[dict]) -> None:
    log_request(context, logger)
    await run_catalog_sync(context, context.request_payload["shop"])


@serve.post("/workflows/todo")
async def todo(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload

    async def _dummy_step():
        return

    await context.run("dummy-step", _dummy_step)
    logger.info("todo workflow received %s", payload)
