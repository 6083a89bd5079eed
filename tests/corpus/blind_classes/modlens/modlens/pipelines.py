# shapes: routes attached to a Serve(APIRouter) imported from serving.py, annotated `uw.AsyncWorkflowContext[dict]` through `import upstash_workflow as uw`; a ToxicityClassifier created inside the route and read outside a step, deciding a step; a module-level ReviewQueue read before the first step with an early return; ReviewerPool.pick (classmethod, secrets) in a step name; asyncio.sleep between steps; a run-id-seeded random.Random deciding a step (fine); a plain def on the async adapter with its unawaited step; delegation to ModerationRunner
import asyncio
import functools
import logging
import random

import upstash_workflow as uw

from modlens.classifiers import ReviewerPool, ToxicityClassifier
from modlens.review_queue import ReviewQueue
from modlens.runner import ModerationRunner
from modlens.serving import serve

log = logging.getLogger(__name__)

review_queue = ReviewQueue()


@serve.post("/review")
async def review_post(context: uw.AsyncWorkflowContext[dict]) -> None:
    post = context.request_payload
    toxicity = ToxicityClassifier()
    score = toxicity.score(post["text"])  # expect: UWF103
    if score > 0.8:  # expect: UWF105
        await context.run("hide-post", functools.partial(review_queue.hide, post["id"]))
    runner = ModerationRunner(context, review_queue)
    await runner.escalate(post)


@serve.post("/rescan")
async def rescan_post(context: uw.AsyncWorkflowContext[dict]) -> None:
    post_id = context.request_payload["post_id"]
    if review_queue.is_locked(post_id):  # expect: UWF103
        return  # expect: UWF104
    runner = ModerationRunner(context, review_queue)
    await context.run("lock-post", functools.partial(review_queue.lock, post_id))
    await runner.close(post_id)


@serve.post("/appeal")
async def handle_appeal(context: uw.AsyncWorkflowContext[dict]) -> None:
    appeal = context.request_payload
    reviewer = ReviewerPool.pick()  # expect: UWF102
    await context.run(f"assign-{reviewer}", functools.partial(review_queue.assign, appeal["post_id"], reviewer))  # expect: UWF106
    await asyncio.sleep(1)  # expect: UWF107
    decision = await context.call("fetch-decision", url=f"https://trust-safety.internal/appeals/{appeal['id']}")
    await context.run("apply-decision", functools.partial(review_queue.apply_decision, appeal["post_id"], decision.body))


@serve.post("/spot-check")
async def spot_check(context: uw.AsyncWorkflowContext[dict]) -> None:
    post_id = context.request_payload["post_id"]
    sampler = random.Random(context.workflow_run_id)
    if sampler.random() < 0.05:
        await context.run("queue-spot-check", functools.partial(review_queue.push, post_id, "spot-check"))
    await context.run("record-sample", lambda: {"post_id": post_id})


@serve.post("/purge")
def purge_cache(context):  # expect: UWF304
    context.run("purge-cdn", functools.partial(review_queue.purge, context.request_payload["post_id"]))  # expect: UWF303
