# shapes: package re-exports with explicit names (first level of the two-level re-export)
from .bank_feed import pending_lines, statement_total
from .fx import current_rate, to_eur_cents

__all__ = ["current_rate", "pending_lines", "statement_total", "to_eur_cents"]
