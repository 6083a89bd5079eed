# shapes: FastAPI (async) routes on the serve of app.py; imported step functions passed by name (zero-parameter async def, defaulted-only def: fine; a def and an async def with required parameters: UWF205), imported factories (partial, nested async def: fine), partials over imported functions with a clock call bound directly (fine) and through a local (UWF101 at the source), eager calls of imported functions, one aliased and one awaited (UWF203), lambdas and a nested def returning imported helpers' sets, dataclasses, pydantic models, datetimes, Decimals and bytes, also inside dict, list and tuple literals (UWF204), a project dataclass built in a lambda (UWF204), the fine conversions (asdict, sorted, isoformat, str, model_dump(mode="json"), NamedTuple, TypedDict), an imported one-step helper called from orchestration (fine) and inside a step (UWF202), and step results deciding later steps
import functools
from dataclasses import asdict
from datetime import datetime, timezone

from upstash_workflow import AsyncWorkflowContext

from shelfsync import models, notify, tasks
from shelfsync.app import serve
from shelfsync.tasks import render_pick_list as pick_list
from shelfsync.tasks import reserve_bins


@serve.post("/sync/nightly")
async def nightly_sync(context: AsyncWorkflowContext[dict]) -> None:
    region = context.request_payload["region"]

    feed = await context.run("pull-feed", tasks.pull_feed)
    await context.run("rebuild-index", tasks.rebuild_index)
    drift = await context.run("reconcile", tasks.reconcile_counts)  # expect: UWF205
    rows = await context.run("load-region", tasks.loader_for(region))
    await context.run("apply-counts", functools.partial(tasks.apply_counts, rows))
    await context.run("tag-batch", functools.partial(tasks.tag_batch, rows, datetime.now(timezone.utc).isoformat()))

    skus = await context.run("distinct-skus", lambda: tasks.distinct_skus(rows))  # expect: UWF204
    sku_list = await context.run("sku-list", lambda: sorted(tasks.distinct_skus(rows)))
    summary = await context.run("summary", tasks.summarize(rows))  # expect: UWF203
    await context.run("pick-list", pick_list(rows))  # expect: UWF203
    await context.run("sync-summary", lambda: tasks.sync_summary(region, rows))
    top = await context.run("top-sku", lambda: tasks.top_sku(rows))
    await context.run("synced-at", lambda: tasks.synced_at())  # expect: UWF204
    synced_iso = await context.run("synced-at-iso", lambda: tasks.synced_at().isoformat())
    await context.run("export", lambda: {"region": region, "csv": tasks.export_csv_bytes(rows)})  # expect: UWF204

    if top[1] > 0 and feed:
        await notify.post_restock_alert(context, top[0])

    report = [{"skus": sku_list, "drift": drift, "summary": summary, "distinct": len(skus)}]
    await context.run("report", functools.partial(tasks.tag_batch, report, synced_iso))


@serve.post("/sync/sku")
async def sku_sync(context: AsyncWorkflowContext[dict]) -> None:
    sku = context.request_payload["sku"]
    qty = int(context.request_payload.get("qty", 1))
    region = context.request_payload.get("region", "eu")

    await context.run("stock-level", lambda: tasks.stock_for(sku))  # expect: UWF204
    level = await context.run("stock-level-dict", lambda: asdict(tasks.stock_for(sku)))
    await context.run("empty-level", lambda: models.StockLevel(sku=sku, on_hand=0))  # expect: UWF204
    await context.run("level-and-qty", lambda: [tasks.stock_for(sku), qty])  # expect: UWF204

    async def _quote():
        return tasks.quote_for(sku, qty)  # expect: UWF204

    await context.run("quote", _quote)
    quote = await context.run("quote-json", lambda: tasks.quote_for(sku, qty).model_dump(mode="json"))
    await context.run("unit-cost", lambda: tasks.unit_cost(sku))  # expect: UWF204
    unit_cost = await context.run("unit-cost-str", lambda: str(tasks.unit_cost(sku)))
    await context.run("checked-at", lambda: (sku, tasks.synced_at()))  # expect: UWF204
    await context.run("price-book", await tasks.fetch_price_book(region))  # expect: UWF203

    await context.run("reserve", reserve_bins)  # expect: UWF205
    await context.run("reserve-bins", functools.partial(reserve_bins, sku, qty))
    await context.run("push", tasks.make_pusher(sku, qty))

    stamp = datetime.now(timezone.utc).isoformat()  # expect: UWF101
    await context.run("tag", functools.partial(tasks.tag_batch, [level], stamp))

    async def _close_out() -> dict:
        await notify.post_restock_alert(context, sku)  # expect: UWF202
        return {"sku": sku, "unit_cost": unit_cost, "alerted": True}

    if level["on_hand"] - level["reserved"] < quote["qty"]:
        await context.run("close-out", _close_out)
