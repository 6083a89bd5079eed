# shapes: no SDK: project dataclasses (Invoice, LineItem) and build_invoice(), a plain function that returns an Invoice instance (its result is unserializable when a step returns it, see services/invoicing.py); nothing here is a finding
from dataclasses import asdict, dataclass, field
from typing import List


@dataclass
class LineItem:
    sku: str
    quantity: int
    unit_cents: int

    @property
    def total_cents(self) -> int:
        return self.quantity * self.unit_cents


@dataclass
class Invoice:
    invoice_id: str
    customer_id: str
    currency: str = "EUR"
    lines: List[LineItem] = field(default_factory=list)

    @property
    def total_cents(self) -> int:
        return sum(line.total_cents for line in self.lines)

    def to_dict(self) -> dict:
        return asdict(self)


def build_invoice(payload: dict) -> Invoice:
    lines = [LineItem(sku=l["sku"], quantity=int(l["qty"]), unit_cents=int(l["unit_cents"])) for l in payload["lines"]]
    return Invoice(invoice_id=payload["invoice_id"], customer_id=payload["customer_id"], currency=payload.get("currency", "EUR"), lines=lines)
