# shapes: package re-exports of the service classes (InvoiceSaga, DunningRunner, AuditTrail) that workflows.py imports as `from paybridge.services import ...`; nothing here is a finding
from paybridge.services.audit import AuditTrail
from paybridge.services.dunning import DunningRunner
from paybridge.services.invoicing import InvoiceSaga

__all__ = ["AuditTrail", "DunningRunner", "InvoiceSaga"]
