# shapes: Serve(FastAPI app); a route annotated with a typing.Annotated context alias (the registration decides); helpers annotated with a TypeAlias context and called with the context in this module (positionally and by keyword), so their findings are inside them; Depends-style providers called in orchestration (lru_cache'd settings from os.environ, a client getter: fine); an awaited coroutine passed as the step function; a step returning a project dataclass; a timing clock read whose value only reaches logging (still a source); a redis flag as a match subject deciding steps; a float module constant as a sleep duration; gather over a starred comprehension of steps built by a step factory; asyncio.sleep between steps; an unawaited context.sleep nested in a step (throttling a batch loop)
import asyncio
import logging
import time

from fastapi import FastAPI
from upstash_workflow.fastapi import Serve

from feedloader import deps, parsing
from feedloader.wftypes import PayloadContext, WfContext

app = FastAPI(title="feedloader")
serve = Serve(app)
log = logging.getLogger("feedloader.workflows")

EMPTY_BACKOFF = 7.5 * 60


async def ingest_feed(context: WfContext, feed_url: str) -> int:
    settings = deps.get_settings()
    key = parsing.slug(feed_url)
    etag = await context.run(f"etag-{key}", await deps.fetch_etag(feed_url))  # expect: UWF203
    raw = await context.run(f"download-{key}", lambda: deps.download(feed_url))
    newest = await context.run(f"newest-{key}", lambda: parsing.newest_entry(raw))  # expect: UWF204
    entries = parsing.parse_entries(raw)
    for n, batch in enumerate(parsing.chunk(entries, settings.batch_size)):
        await context.run(f"store-{key}-{n}", lambda b=batch: deps.store_entries(b))
    log.info("ingested %s (etag %s, newest %s)", feed_url, etag, newest)
    return len(entries)


async def warm_cache(context: WfContext, feed_url: str) -> None:
    started = time.monotonic()  # expect: UWF101
    await context.run("warm-cache", lambda: deps.warm(feed_url))
    log.info("cache warm for %s took %.2fs", feed_url, time.monotonic() - started)


@serve.post("/feeds/refresh")
async def refresh_feeds(context: PayloadContext) -> None:
    settings = deps.get_settings()
    request = context.request_payload or {}
    feeds = request.get("feeds") or list(settings.default_feeds)

    match deps.flags.get("feedloader:mode"):  # expect: UWF103, UWF105
        case "paused":
            await context.run("note-paused", lambda: deps.record_total(0))
            return
        case _:
            log.info("refreshing %d feeds", len(feeds))

    total = 0
    for url in feeds:
        total += await ingest_feed(context=context, feed_url=url)
    if feeds:
        await warm_cache(context, feeds[0])

    if total == 0:
        await context.sleep("empty-backoff", EMPTY_BACKOFF)  # expect: UWF307
    await context.run("record-total", lambda: deps.record_total(total))


@serve.post("/feeds/ping-hubs")
async def ping_hubs(context: WfContext) -> None:
    hubs = await context.run("list-hubs", lambda: deps.list_hubs())
    http = deps.get_http()

    def make_ping(hub: str):
        async def _ping() -> int:
            resp = await http.post(hub, data={"hub.mode": "publish", "hub.url": "https://feeds.example/all"})
            return resp.status_code

        return _ping

    await asyncio.gather(*[context.run(f"ping-{i}", make_ping(hub)) for i, hub in enumerate(hubs)])  # expect: UWF302
    await asyncio.sleep(2)  # expect: UWF107
    await context.run("record-ping", lambda: deps.flags.set("feedloader:hubs-pinged", len(hubs)))


@serve.post("/feeds/backfill")
async def backfill(context: WfContext) -> None:
    url = context.request_payload["url"]
    raw = await context.run("backfill-download", lambda: deps.download(url))
    entries = parsing.parse_entries(raw)
    settings = deps.get_settings()

    async def _store_all() -> int:
        count = 0
        for batch in parsing.chunk(entries, settings.batch_size):
            count += deps.store_entries(batch)
            context.sleep("throttle", 1)  # expect: UWF202, UWF303
        return count

    stored = await context.run("backfill-store", _store_all)
    log.info("backfilled %d entries from %s", stored, url)
