# shapes: package re-export of the ShipmentSaga class that routes.py imports as `from shipyard import ShipmentSaga`; nothing here is a finding
from shipyard.sagas import ShipmentSaga

__all__ = ["ShipmentSaga"]
