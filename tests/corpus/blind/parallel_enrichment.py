# parallel steps: asyncio.gather of two context.run calls, gather over a starred comprehension of steps, asyncio.wait_for around context.call (a racing form), a try/except Exception that swallows a step; a sequential rewrite in a second route for contrast
import asyncio
import logging

from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from enrich.providers import clearbit_lookup, github_lookup, save_profile, score_repo

app = FastAPI()
serve = Serve(app)
logger = logging.getLogger(__name__)

RISK_URL = "https://risk.internal/v1/check"


@serve.post("/workflows/enrich")
async def enrich(context: AsyncWorkflowContext[dict]) -> None:
    person = context.request_payload

    company, repos = await asyncio.gather(  # expect: UWF302
        context.run("clearbit", lambda: clearbit_lookup(person["email"])),
        context.run("github", lambda: github_lookup(person["github"])),
    )

    scores = await asyncio.gather(*[context.run(f"score-{repo['name']}", lambda r=repo: score_repo(r)) for repo in repos])  # expect: UWF302

    verdict = await asyncio.wait_for(  # expect: UWF302
        context.call("risk-check", url=RISK_URL, method="POST", body={"email": person["email"]}),
        timeout=10,
    )

    async def _save() -> dict:
        await save_profile(person["email"], company, scores, verdict.body)
        return {"saved": True}

    try:
        await context.run("save-profile", _save)
    except Exception:  # expect: UWF305
        logger.exception("could not save profile for %s", person["email"])


@serve.post("/workflows/enrich-v2")
async def enrich_sequential(context: AsyncWorkflowContext[dict]) -> None:
    person = context.request_payload

    company = await context.run("clearbit", lambda: clearbit_lookup(person["email"]))
    repos = await context.run("github", lambda: github_lookup(person["github"]))

    scores = []
    for repo in repos:
        scores.append(await context.run(f"score-{repo['name']}", lambda r=repo: score_repo(r)))

    verdict = await context.call(
        "risk-check",
        url=RISK_URL,
        method="POST",
        body={"email": person["email"]},
        timeout=10,
    )

    async def _save() -> dict:
        await save_profile(person["email"], company, scores, verdict.body)
        return {"saved": True}

    await context.run("save-profile", _save)
