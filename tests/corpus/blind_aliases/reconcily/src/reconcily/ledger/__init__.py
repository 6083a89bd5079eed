# shapes: package re-exports with explicit names; `current_rate` and `statement_total` come from `ledger/sources/`, so they are re-exported two packages deep
from .sources import current_rate, statement_total

__all__ = ["current_rate", "statement_total"]
