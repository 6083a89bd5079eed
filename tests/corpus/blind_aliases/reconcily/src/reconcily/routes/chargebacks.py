# shapes: an unannotated route parameter cast with `typing.cast(Ctx[dict], context)`, `Ctx` being `AsyncWorkflowContext` imported under an alias; imports under aliases (`pending_lines as fetch_pending`, `make_matcher as matcher_for`, `unmatched_ids as unmatched`, `notify_merchant as notify`); a set returned by an imported helper as a step result; an imported one-step workflow helper called inside a step (UWF202 at the call); an unawaited step on the cast alias; `from reconcily.util import clock` then `clock.is_cutoff_passed()` deciding a sleep; `clock.now_utc()` inside a step
import typing

from upstash_workflow import AsyncWorkflowContext as Ctx

from reconcily.app import serve
from reconcily.flows.disputes import notify_merchant as notify
from reconcily.ledger.sources.bank_feed import pending_lines as fetch_pending
from reconcily.matching import make_matcher as matcher_for
from reconcily.matching import unmatched_ids as unmatched
from reconcily.util import clock


@serve.post("/workflows/chargeback")
async def chargeback(context) -> None:
    ctx = typing.cast(Ctx[dict], context)
    cb = ctx.request_payload
    lines = await ctx.run("pending-lines", lambda: fetch_pending(cb["account_id"], cb["day"]))
    open_ids = await ctx.run("unmatched-ids", lambda: unmatched(lines))  # expect: UWF204
    matched = await ctx.run("match-chargeback", matcher_for(lines, tolerance_cents=0))

    async def _refund() -> dict:
        await notify(ctx, cb["case_id"])  # expect: UWF202
        return {"refunded": len(matched), "open": len(open_ids)}

    await ctx.run("refund", _refund)
    ctx.sleep("bank-cool-down", 600)  # expect: UWF303
    if clock.is_cutoff_passed():  # expect: UWF101, UWF105
        await ctx.sleep("hold-for-bank", 7200)
    await ctx.run("close-chargeback", lambda: {"case_id": cb["case_id"], "closed_at": clock.now_utc().isoformat()})
