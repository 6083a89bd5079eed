# shapes: sync Flask routes attached to `serve` imported from app.py; `from shipyard import ShipmentSaga` (package re-export) delegated to inline; `typing.cast(ShipCtx, context)` of an unannotated route parameter; StockRepository/CarrierGateway instances and a Deps container created at module level; stock.available read outside a step deciding a step; WarehouseClock.pick_wave_id (staticmethod, uuid4) in a step name; WarehouseClock.is_cutoff_passed (classmethod, clock) deciding a sleep; an outer list mutated in a step; an async def step on the sync context; time.sleep between steps; a deterministic header check and the clock in a logging argument (fine)
import functools
import logging
import os
import time
import typing

from shipyard import ShipmentSaga
from shipyard.app import serve
from shipyard.carriers import CarrierGateway, CustomerNotifier
from shipyard.clock import WarehouseClock
from shipyard.deps import Deps
from shipyard.sagas import Parcel
from shipyard.stock import StockRepository
from shipyard.types import ShipCtx

log = logging.getLogger(__name__)

WAREHOUSE_TOKEN = os.environ.get("WAREHOUSE_TOKEN", "")

stock = StockRepository(os.environ.get("STOCK_DB_URL", "sqlite:///stock.db"))
carriers = CarrierGateway()
deps = Deps(carriers=carriers, stock=stock, notifier=CustomerNotifier())


@serve.route("/shipments/book")
def book_shipment(context):
    ctx = typing.cast(ShipCtx, context)
    order = ctx.request_payload
    on_hand = stock.available(order["sku"])  # expect: UWF103
    if on_hand < order["qty"]:  # expect: UWF105
        ctx.run("backorder", functools.partial(stock.backorder, order["sku"], order["qty"]))
        return
    ShipmentSaga(ctx, deps).dispatch(order)


@serve.route("/shipments/wave")
def plan_wave(context: ShipCtx) -> None:
    skus = context.request_payload["skus"]
    wave_id = WarehouseClock.pick_wave_id()  # expect: UWF102
    for sku in skus:
        context.run(f"pick-{wave_id}-{sku}", functools.partial(stock.reserve, sku, wave_id))  # expect: UWF106
    context.run("close-wave", lambda: {"skus": len(skus)})


@serve.route("/shipments/cutoff")
def cutoff_check(context: ShipCtx) -> None:
    batch_id = context.request_payload["batch_id"]
    if WarehouseClock.is_cutoff_passed():  # expect: UWF101, UWF105
        context.sleep("wait-next-shift", 8 * 3600)
    context.run("release-batch", functools.partial(stock.release_batch, batch_id))


@serve.route("/shipments/track")
def track_shipments(context):
    numbers = list(context.request_payload["tracking_numbers"])
    delivered = []

    def poll_all() -> dict:
        for number in numbers:
            if carriers.track(number) == "delivered":
                delivered.append(number)  # expect: UWF201
        return {"checked": len(numbers)}

    context.run("poll-carriers", poll_all)

    async def notify_ops() -> dict:
        return {"delivered": len(delivered)}

    context.run("notify-ops", notify_ops)  # expect: UWF205
    time.sleep(2)  # expect: UWF107
    context.run("close-tracking", lambda: {"closed": True})


@serve.route("/shipments/relabel")
def relabel(context: ShipCtx) -> None:
    if context.headers.get("x-warehouse-token") != WAREHOUSE_TOKEN:
        return
    parcel = Parcel.from_order(context.request_payload).as_dict()
    context.run("relabel", functools.partial(carriers.label, parcel))
    log.info("relabel of %s done at %s", parcel["order_id"], time.time())
