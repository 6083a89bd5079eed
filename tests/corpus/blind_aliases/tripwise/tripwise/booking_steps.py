# shapes: module without the SDK; step factories returning a `functools.partial`, a nested def, a nested async def and lambdas; `release`, a GDS helper called only inside a step
import functools

from tripwise.providers import gds
from tripwise.providers.fares import apply_markup


def hold_step(trip_id: str, fare_id: str):
    return functools.partial(gds.hold_seats, trip_id, fare_id)


def ticket_step(hold_id: str):
    def _issue() -> list:
        return gds.issue_tickets(hold_id)

    return _issue


def seat_map_step(segment_id: str):
    async def _seat_map() -> dict:
        return gds.seat_map(segment_id)

    return _seat_map


def markup_step(quote: dict, percent: int):
    return lambda: apply_markup(quote, percent)


def payment_status_step(trip_id: str):
    return lambda: gds.payment_status(trip_id)


def release(hold_id: str) -> dict:
    return gds.release_hold(hold_id)
