# shapes: Serve(APIRouter) with @serve.post; a RepoSyncService class whose __init__ stores the context on self and whose methods call self.context.run/sleep/call (instance created in the route); clients.github (an HTTP wrapper package) read outside a step and deciding steps, and inside steps (fine); DI container (get_db(), module-level redis) used inside steps; nested self.context.sleep in a method's step; unawaited self.context.run in a method; a set step result; an eager call as a step argument; a context.call without a name; ctx = context alias; a random reviewer picked outside a step; a .total_seconds() sleep; a route whose service object makes no step; logging with a clock argument (fine)
import logging
import random
from datetime import datetime, timedelta, timezone

from fastapi import APIRouter
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from gitsync import clients, container
from gitsync.formatting import percent, pr_summary, repo_key, stale_cutoff_days

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/workflows", tags=["workflows"])
serve = Serve(router)

REVIEWERS = ["alice", "bob", "carol"]


class RepoSyncService:
    def __init__(self, context: AsyncWorkflowContext[dict]) -> None:
        self.context = context
        self.repo_name = context.request_payload["repo"]

    def describe(self) -> str:
        return f"RepoSyncService(repo={self.repo_name!r})"

    async def fetch_repo(self) -> dict:
        return await self.context.run("fetch-repo", lambda: clients.github.get_repo(self.repo_name))

    async def sync_pull_requests(self) -> int:
        async def _sync() -> int:
            prs = clients.github.list_open_prs(self.repo_name)
            with container.get_db() as db:
                for pr in prs:
                    db.execute(container.UPSERT_PR, {"repo": self.repo_name, "state": "open", **pr})
                db.commit()
            return len(prs)

        return await self.context.run("sync-prs", _sync)

    async def refresh_labels(self) -> list[str]:
        async def _refresh() -> list[str]:
            labels = clients.github.list_labels(self.repo_name)
            await self.context.sleep("label-backoff", 5)  # expect: UWF202
            return sorted(label["name"] for label in labels)

        return await self.context.run("refresh-labels", _refresh)

    async def topic_set(self):
        return await self.context.run(
            "topics",
            lambda: {t.lower() for t in clients.github.get_repo(self.repo_name)["topics"]},  # expect: UWF204
        )

    async def fetch_readme(self) -> str:
        return await self.context.run("fetch-readme", clients.github.get_readme(self.repo_name))  # expect: UWF203

    async def trigger_ci(self) -> None:
        await self.context.call(url=f"https://api.github.com/repos/{self.repo_name}/dispatches", method="POST")  # expect: UWF306

    async def announce(self, summary: str) -> None:
        self.context.run("announce", lambda: clients.github.post_comment(self.repo_name, summary))  # expect: UWF303


@serve.post("/sync-repo")
async def sync_repo(context: AsyncWorkflowContext[dict]) -> None:
    svc = RepoSyncService(context)
    logger.info("sync requested for %s at %s", svc.repo_name, datetime.now(timezone.utc))

    info = clients.github.get_repo(svc.repo_name)  # expect: UWF103
    if info["archived"]:  # expect: UWF105
        await context.run("mark-archived", lambda: container.get_cache().sadd("archived-repos", svc.repo_name))
        return

    repo = await svc.fetch_repo()
    count = await svc.sync_pull_requests()
    labels = await svc.refresh_labels()
    topics = await svc.topic_set()
    readme = await svc.fetch_readme()
    await svc.trigger_ci()
    logger.info("%s: %d topics, readme %d chars", svc.repo_name, len(topics), len(readme))
    await svc.announce(pr_summary(repo["full_name"], count, labels))


@serve.post("/close-stale")
async def close_stale(context: AsyncWorkflowContext[dict]) -> None:
    ctx = context
    repo_name = ctx.request_payload["repo"]
    reviewer = random.choice(REVIEWERS)  # expect: UWF102

    open_prs = await ctx.run("list-open", lambda: clients.github.list_open_prs(repo_name))
    cutoff = stale_cutoff_days()
    stale = [pr["number"] for pr in open_prs if pr["age_days"] > cutoff]
    logger.info("%s: %s%% of open PRs are stale", repo_name, percent(len(stale), len(open_prs)))

    for number in stale:
        await ctx.run(f"close-{number}", lambda n=number: clients.github.close_pr(repo_name, n, reviewer))

    await ctx.sleep("grace-period", timedelta(hours=2).total_seconds())  # expect: UWF307
    await ctx.run("record", lambda: container.redis.set(container.namespaced(repo_key(repo_name)), len(stale)))


@serve.post("/repo-stats")
async def repo_stats(context: AsyncWorkflowContext[dict]) -> dict:  # expect: UWF301
    svc = RepoSyncService(context)
    logger.info("stats requested: %s", svc.describe())
    return {"repo": svc.repo_name}
