# shapes: package re-exports with explicit names (`seats_left`, `waitlist_position`)
from .seats import seats_left, waitlist_position

__all__ = ["seats_left", "waitlist_position"]
