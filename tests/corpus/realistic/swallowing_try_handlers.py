# Shapes: step calls in try bodies whose handlers swallow WorkflowAbort (except Exception, a tuple with BaseException, bare except, except*, contextlib.suppress(Exception)) in an async route and a sync serve() route; correct handlers (isinstance/type re-raise, bare raise after logging, except WorkflowAbort first, narrow exceptions, steps in else/finally).
from __future__ import annotations

import contextlib
import json
import logging
from contextlib import suppress
from functools import partial

import httpx
from fastapi import FastAPI
from upstash_workflow import WorkflowAbort, WorkflowContext, serve
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)

app = FastAPI()
workflows = Serve(app)


def upsert(contact: dict) -> dict:
    return {"id": contact["id"]}


def tag(contact: dict, label: str) -> dict:
    return {"id": contact["id"], "tag": label}


def ping() -> str:
    return "pong"


@workflows.post("/crm/sync")
async def sync_crm(context: AsyncWorkflowContext[dict]) -> None:
    contact = context.request_payload

    try:
        await context.run("upsert-contact", partial(upsert, contact))
    except Exception:  # expect: UWF305
        logger.exception("upsert failed for %s", contact["id"])

    try:
        await context.run("tag-contact", partial(tag, contact, "synced"))
    except (httpx.HTTPError, BaseException) as exc:  # expect: UWF305
        logger.warning("tagging failed: %s", exc)

    try:
        await context.sleep("settle", 30)
    except:  # expect: UWF305
        pass

    with contextlib.suppress(Exception):  # expect: UWF305
        await context.run("best-effort-ping", ping)

    try:
        await context.run("tag-vip", partial(tag, contact, "vip"))
    except* Exception:  # expect: UWF305
        logger.exception("vip tagging failed")


@workflows.post("/crm/sync/v2")
async def sync_crm_v2(context: AsyncWorkflowContext[dict]) -> None:
    contact = context.request_payload

    try:
        await context.run("upsert-contact", partial(upsert, contact))
    except Exception as e:
        if isinstance(e, WorkflowAbort):
            raise
        logger.exception("upsert failed")

    try:
        await context.run("tag-contact", partial(tag, contact, "synced"))
    except WorkflowAbort:
        raise
    except Exception:
        logger.exception("tagging failed")

    try:
        await context.run("tag-vip", partial(tag, contact, "vip"))
    except Exception as e:
        if type(e) is WorkflowAbort:
            raise
        logger.warning("vip tagging failed: %s", e)

    try:
        await context.sleep("settle", 30)
    except Exception:
        logger.exception("sleep failed")
        raise

    try:
        await context.run("ping", ping)
    except httpx.HTTPError:
        logger.warning("ping failed")

    with suppress(KeyError):
        await context.run("tag-region", partial(tag, contact, contact["region"]))

    try:
        extra = json.loads(contact.get("extra") or "{}")
    except Exception:
        extra = {}
    else:
        await context.run("store-extra", lambda: extra)
    finally:
        await context.run("done", lambda: {"id": contact["id"]})


def nightly_export(context: WorkflowContext[dict]) -> None:
    rows = context.run("collect", lambda: [{"id": 1}])
    try:
        context.run("upload", lambda: {"uploaded": len(rows)})
    except BaseException:  # expect: UWF305
        logger.error("upload failed")


nightly = serve(nightly_export)
