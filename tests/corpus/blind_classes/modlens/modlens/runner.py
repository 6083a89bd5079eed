# shapes: ModerationRunner built with the context in another module (`import upstash_workflow as uw`, __init__ annotated uw.AsyncWorkflowContext[dict]) and a ReviewQueue; steps through self.ctx in async methods; a pure classmethod in orchestration; a staticmethod step factory reached as self.summary_step() (fine); the summarizer singleton only inside a step; the documented WorkflowAbort re-raise (fine); bugs whose place does not depend on the caller: a set comprehension inside a returned dict, a context.call without a name, gather of two steps, contextlib.suppress(Exception) around a step
import asyncio
import contextlib
import functools
import logging

import upstash_workflow as uw
from upstash_workflow import WorkflowAbort

from modlens.classifiers import KeywordFilter, summarizer
from modlens.review_queue import ReviewQueue

log = logging.getLogger(__name__)


class ModerationRunner:
    ESCALATION_HOOK = "https://trust-safety.internal/hooks/escalation"

    def __init__(self, ctx: uw.AsyncWorkflowContext[dict], queue: ReviewQueue) -> None:
        self.ctx = ctx
        self.queue = queue

    @staticmethod
    def summary_step(text: str):
        return lambda: summarizer.summarize(text)

    async def escalate(self, post: dict) -> None:
        flags = KeywordFilter.matches(post["text"])
        await self.ctx.run("collect-flags", lambda: {"post_id": post["id"], "flags": {f.upper() for f in flags}})  # expect: UWF204
        summary = await self.ctx.run("summarize-thread", self.summary_step(post["text"]))
        await self.ctx.call(url=self.ESCALATION_HOOK, method="POST", body={"post_id": post["id"], "summary": summary})  # expect: UWF306
        await asyncio.gather(self.ctx.run("notify-author", functools.partial(self.queue.notify_author, post["id"])), self.ctx.run("notify-reviewers", functools.partial(self.queue.notify_reviewers, post["id"])))  # expect: UWF302
        try:
            await self.ctx.run("push-review", functools.partial(self.queue.push, post["id"], "escalated"))
        except Exception as exc:
            if isinstance(exc, WorkflowAbort):
                raise
            log.warning("push-review failed for %s: %s", post["id"], exc)

    async def close(self, post_id: str) -> None:
        with contextlib.suppress(Exception):  # expect: UWF305
            await self.ctx.run("archive-post", functools.partial(self.queue.archive, post_id))
        await self.ctx.run("release-lock", functools.partial(self.queue.release, post_id))
