# shapes: package re-exports with explicit names, one renamed (`live_fare as fare_quote`)
from . import gds
from .fares import live_fare as fare_quote

__all__ = ["fare_quote", "gds"]
