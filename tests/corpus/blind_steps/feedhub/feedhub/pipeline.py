# shapes: entirely correct; routes registered with async_serve(fn)["handler"] and async_serve(route_function=fn)["handler"]; imported step functions passed by name on the async context: zero-parameter async and sync defs, an *args-only def, an async def with a keyword-only default, a module-level partial; partials over imported functions binding step results, a clock value and a random value directly in the step argument; imported factories called (nested async def, lambda); lambdas converting imported helpers' results (asdict, isoformat, model_dump(mode="json"), sorted) or returning a NamedTuple, a TypedDict and a dict subclass; a nested async def step with a default argument in a loop over a step result awaiting an imported async function; an annotated one-step helper of alerts.py called from orchestration; step results deciding steps and naming them
import functools
import random
from dataclasses import asdict
from datetime import datetime, timezone

from upstash_workflow import AsyncWorkflowContext, async_serve

from feedhub import alerts, fetchers
from feedhub.fetchers import fetch_sources, normalise


async def ingest(context: AsyncWorkflowContext[dict]) -> None:
    payload = context.request_payload
    feed_id = payload["feed_id"]
    locale = payload.get("locale", "en")

    sources = await context.run("fetch-sources", fetch_sources)
    config = await context.run("load-config", fetchers.load_config)
    await context.run("warm-cache", fetchers.warm_cache)
    await context.run("refresh-index", fetchers.refresh_index)
    latest = await context.run("load-latest", fetchers.load_latest)
    items = await context.run("normalise", functools.partial(normalise, sources + latest, config.get("locale", locale)))
    await context.run("stamp", functools.partial(fetchers.stamp_batch, feed_id, datetime.now(timezone.utc).isoformat()))
    sample = await context.run("sample", functools.partial(fetchers.sample_items, items, random.random()))

    digest = await context.run("digest", lambda: asdict(fetchers.build_digest(sample)))
    published_at = await context.run("published-at", lambda: fetchers.publish_time(feed_id).isoformat())
    card = await context.run("card", lambda: fetchers.render_card(digest, published_at).model_dump(mode="json"))
    top_kind = await context.run("top-kind", lambda: fetchers.count_by_kind(items))
    tags = await context.run("tags", lambda: sorted(fetchers.tags_of(items)))
    summary = await context.run("summary", lambda: fetchers.summary_of(feed_id, items))
    meta = await context.run("meta", lambda: fetchers.meta_for(feed_id))
    await context.run("archive", fetchers.archiver_for(feed_id))

    if digest["item_count"] > 0:
        await alerts.announce(context, feed_id)
        await context.run("notify", fetchers.notifier_for(feed_id, digest))

    await context.sleep("cool-down", 300)
    await context.run("record", functools.partial(fetchers.record_run, summary, meta, tags, top_kind, card))


async def backfill(context: AsyncWorkflowContext[dict]) -> None:
    feed_id = context.request_payload["feed_id"]
    days_wanted = int(context.request_payload.get("days", 7))

    days = await context.run("plan-days", functools.partial(fetchers.plan_backfill, feed_id, days_wanted))
    for day in days:

        async def _fetch_day(day=day) -> dict:
            rows = await fetchers.fetch_day(feed_id, day)
            return {"day": day, "rows": len(rows)}

        await context.run(f"fetch-{day}", _fetch_day)

    await context.run("finalise", lambda: fetchers.finalise(feed_id, days))


ingest_handler = async_serve(ingest)["handler"]
backfill_handler = async_serve(route_function=backfill)["handler"]
