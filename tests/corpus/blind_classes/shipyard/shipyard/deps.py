# shapes: no SDK: a Deps dataclass container (carriers, stock, notifier) that routes.py builds at module level and passes to ShipmentSaga; nothing here is a finding
from dataclasses import dataclass

from shipyard.carriers import CarrierGateway, CustomerNotifier
from shipyard.stock import StockRepository


@dataclass(frozen=True)
class Deps:
    carriers: CarrierGateway
    stock: StockRepository
    notifier: CustomerNotifier
