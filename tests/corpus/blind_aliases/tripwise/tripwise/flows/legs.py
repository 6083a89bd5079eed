# shapes: `from __future__ import annotations` with the `TripCtx` alias imported only under `TYPE_CHECKING`; `book_legs`, an annotated workflow helper (called from booking.py) that loops over payload legs with step factories, branches on step results and `continue`; GDS calls only inside steps
from __future__ import annotations

from typing import TYPE_CHECKING

from tripwise.booking_steps import seat_map_step
from tripwise.providers import gds

if TYPE_CHECKING:
    from tripwise.ctx import TripCtx


async def book_legs(context: TripCtx, legs: list) -> None:
    for leg in legs:
        segment_id = leg["segment_id"]
        seats = await context.run(f"seat-map-{segment_id}", seat_map_step(segment_id))
        if seats["available"] < 1:
            await context.run(f"waitlist-{segment_id}", lambda s=segment_id: gds.waitlist(s))
            continue
        await context.run(f"confirm-{segment_id}", lambda s=segment_id: gds.confirm_segment(s))
