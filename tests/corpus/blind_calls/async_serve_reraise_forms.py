# shapes: correct. async_serve(route_function=...) on Starlette, `context: AsyncWorkflowContext`. Steps in try bodies whose broad handlers re-raise the abort first: `if isinstance(exc, WorkflowAbort): raise`, `if type(exc) is WorkflowAbort: raise`, a bare `raise` as first statement, logging then `raise`, `except WorkflowAbort: raise` before `except Exception` (deep import path). Narrow handlers (httpx errors, KeyError, ValueError), a step in `else`, `contextlib.suppress(KeyError)` around a step, and `try/except Exception` inside a step body
import contextlib
import logging

import httpx
from starlette.applications import Starlette
from starlette.routing import Route
from upstash_workflow import AsyncWorkflowContext, async_serve
from upstash_workflow.error import WorkflowAbort

logger = logging.getLogger("claims")

CLAIMS_API = "https://claims.internal.example.com"


async def fetch_claim(claim_id: str) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"{CLAIMS_API}/claims/{claim_id}")
        resp.raise_for_status()
        return resp.json()


async def score_claim(claim: dict) -> float:
    try:
        async with httpx.AsyncClient() as client:
            resp = await client.post(f"{CLAIMS_API}/score", json=claim)
            return float(resp.json()["score"])
    except Exception:
        logger.exception("scoring failed, using neutral score")
        return 0.5


async def process_claim(context: AsyncWorkflowContext) -> None:
    claim_id = context.request_payload["claim_id"]

    async def _fetch() -> dict:
        return await fetch_claim(claim_id)

    try:
        claim = await context.run("fetch-claim", _fetch)
    except Exception as exc:
        if isinstance(exc, WorkflowAbort):
            raise
        logger.warning("fetch failed for %s: %s", claim_id, exc)
        claim = {"id": claim_id, "amount": 0}

    async def _score() -> float:
        return await score_claim(claim)

    try:
        score = await context.run("score-claim", _score)
    except BaseException as exc:
        if type(exc) is WorkflowAbort:
            raise
        score = 0.5

    try:
        await context.call("notify-adjuster", url=f"{CLAIMS_API}/adjusters/notify", method="POST", body={"claim": claim_id, "score": score})
    except Exception:
        raise

    try:
        await context.sleep("adjuster-window", "2d")
    except:
        logger.error("sleep step failed for %s", claim_id)
        raise

    try:
        decision = await context.call("decision", url=f"{CLAIMS_API}/claims/{claim_id}/decision")
    except WorkflowAbort:
        raise
    except Exception:
        logger.exception("decision lookup failed")
        decision = None

    try:
        approved = decision.body["approved"]
    except (AttributeError, KeyError):
        approved = False
    else:
        await context.run("record-decision", lambda: {"claim": claim_id, "approved": approved})

    try:
        await context.call("payout", url=f"{CLAIMS_API}/payouts", method="POST", body={"claim": claim_id}, retries=3)
    except httpx.HTTPStatusError:
        logger.error("payout rejected for %s", claim_id)
    except (ValueError, KeyError) as exc:
        logger.error("bad payout payload: %s", exc)

    with contextlib.suppress(KeyError):
        await context.run("archive-" + claim["region"], lambda: {"archived": claim_id})

    try:
        await context.run("close-claim", lambda: {"closed": claim_id})
    finally:
        logger.info("claim %s processed", claim_id)


async def claim_failed(context, fail_status, fail_response, fail_headers) -> None:
    logger.error("claim workflow failed: %s %s", fail_status, fail_response)


claim_endpoint = async_serve(route_function=process_claim, failure_function=claim_failed)

app = Starlette(routes=[Route("/claims/process", claim_endpoint["handler"], methods=["POST"])])
