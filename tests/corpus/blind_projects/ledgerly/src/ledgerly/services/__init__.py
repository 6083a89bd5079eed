# shapes: package __init__ re-exporting helpers (`from .billing import charge_card`, `from .notify import send_customer_email`) that workflows.py imports from the package
from .billing import charge_card, current_fx_rate, notify_accounting, refund_charge
from .notify import send_customer_email

__all__ = ["charge_card", "current_fx_rate", "notify_accounting", "refund_charge", "send_customer_email"]
