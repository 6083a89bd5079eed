# shapes: entirely correct; `import upstash_workflow as uw` annotation; `from tripwise.api import serve`; a deterministic header check returning before the first step; uuid5 through `ids.booking_key()` in a step name; a renamed re-export (`fare_quote`) read inside a step; a `# wfcheck: deterministic` helper (`pricing_epoch`) deciding a step; imported step factories under aliases (`hold_step as make_hold`, `from tripwise import booking_steps as bs`); a clock helper whose value reaches only logging and `sleep_until` through one local variable; an early return on a step result; an annotated helper of legs.py called positionally; an unannotated helper of notify.py (no SDK, sources only in its steps) called by keyword; uuid4 through `ids.new_pnr()` only inside a step; a failure function of another module
import logging
from datetime import timedelta

import upstash_workflow as uw

from tripwise import booking_steps as bs
from tripwise.api import serve
from tripwise.booking_steps import hold_step as make_hold
from tripwise.booking_steps import ticket_step
from tripwise.failures import booking_failed
from tripwise.flows.legs import book_legs
from tripwise.notify import send_itinerary
from tripwise.providers import fare_quote
from tripwise.providers.fares import pricing_epoch
from tripwise.util import clock, ids

log = logging.getLogger(__name__)
PARTNER_HEADER = "x-partner-key"


@serve.post("/workflows/book-trip", failure_function=booking_failed, retries=2)
async def book_trip(context: uw.AsyncWorkflowContext[dict]) -> None:
    if not context.headers.get(PARTNER_HEADER):
        return
    trip = context.request_payload
    key = ids.booking_key(trip["trip_id"])
    quote = await context.run(f"quote-{key}", lambda: fare_quote(trip["origin"], trip["destination"], trip["depart"]))
    if pricing_epoch() >= 3:
        quote = await context.run("apply-dynamic-markup", bs.markup_step(quote, percent=4))
    hold = await context.run("hold-seats", make_hold(trip["trip_id"], quote["fare_id"]))
    hold_expires = clock.now_utc() + timedelta(minutes=20)
    log.info("hold %s expires at %s", hold["hold_id"], hold_expires)
    await context.sleep_until("await-payment-window", hold_expires)
    paid = await context.run("check-payment", bs.payment_status_step(trip["trip_id"]))
    if paid["status"] != "captured":
        await context.run("release-hold", lambda: bs.release(hold["hold_id"]))
        return
    await book_legs(context, trip["legs"])
    tickets = await context.run("issue-tickets", ticket_step(hold["hold_id"]))
    await context.run("record-pnr", lambda: {"trip": trip["trip_id"], "pnr": ids.new_pnr(), "tickets": len(tickets)})
    await send_itinerary(context=context, trip=trip, tickets=tickets)
