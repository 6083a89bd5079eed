# shapes: entirely correct; an unannotated route parameter cast with `typing.cast(TripCtx, context)` (alias of ctx.py); `functools.partial` over a `@retrying` GDS function as a step in a loop over a step result; a clock helper (`clock.next_business_morning()`) whose value reaches only `sleep_until` through one local variable; `context.call` with a payload body
import functools
from typing import cast

from tripwise.api import serve
from tripwise.ctx import TripCtx
from tripwise.providers import gds
from tripwise.util import clock

CUSTOMER_NOTIFY_URL = "https://notify.internal/refunds"


@serve.post("/workflows/refund")
async def refund(context) -> None:
    ctx = cast(TripCtx, context)
    req = ctx.request_payload
    booking = await ctx.run("load-booking", lambda: gds.get_booking(req["pnr"]))
    for leg in booking["legs"]:
        await ctx.run(f"refund-leg-{leg['segment_id']}", functools.partial(gds.refund_segment, req["pnr"], leg["segment_id"]))
    settle_at = clock.next_business_morning()
    await ctx.sleep_until("settle-refund", settle_at)
    await ctx.call("notify-customer", url=CUSTOMER_NOTIFY_URL, method="POST", body={"pnr": req["pnr"], "legs": len(booking["legs"])})
