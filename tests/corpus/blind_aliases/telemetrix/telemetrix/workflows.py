# shapes: Flask routes on `serve` imported from web.py; `typing.cast(TelemetryCtx, context)` of an unannotated parameter; `from .devices.registry import device_cache as dcache` (a module-level client of another package under an alias) deciding an early return; a renamed package re-export (`from .ingest import last_temp`) through a `functools.wraps` decorator and two modules (readings -> tsdb -> sqlite3) deciding a step; `from . import alerts, firmware, ids`; uuid4 through `ids.new_batch_id()` into a step name, next to uuid5 (fine); `import telemetrix.ingest.readings as readings` iterated to make steps; an unannotated workflow helper of a module without the SDK (`firmware.roll_out`) reported at its call; `functools.partial(alerts.push_config, context)` called plainly; a one-step annotated helper called inside a step; source helpers inside steps
import functools
import logging
from typing import cast

import telemetrix.ingest.readings as readings
import telemetrix.storage.tsdb as tsdb

from . import alerts, firmware, ids
from .contexts import TelemetryCtx
from .devices import lookup_device, ota
from .devices.registry import device_cache as dcache
from .ingest import last_temp
from .web import serve

log = logging.getLogger("telemetrix.workflows")


@serve.route("/wf/threshold-check")
def threshold_check(context) -> None:
    ctx = cast(TelemetryCtx, context)
    device_id = ctx.request_payload["device_id"]
    if dcache.get(f"muted:{device_id}"):  # expect: UWF103
        log.info("device %s is muted", device_id)
        return  # expect: UWF104
    temp = last_temp(device_id)  # expect: UWF103
    if temp > 80.0:  # expect: UWF105
        ctx.run("raise-overheat-alert", lambda: tsdb.record_alert(device_id, "overheat"))
    ctx.run("record-check", lambda: tsdb.record_check(device_id))


@serve.route("/wf/ingest-batch")
def ingest_batch(context: TelemetryCtx) -> None:
    req = context.request_payload
    site = req["site"]
    batch_id = ids.new_batch_id()  # expect: UWF102
    context.run(f"ingest-{batch_id}", lambda: tsdb.ingest_pending(site))  # expect: UWF106
    compact_key = ids.stable_batch_id(site, req["day"])
    context.run(f"compact-{compact_key}", lambda: tsdb.compact(site))
    for device_id in readings.stale_devices(site):  # expect: UWF103, UWF105
        context.run(f"ping-{device_id}", lambda d=device_id: ota.ping(d))


@serve.route("/wf/firmware-rollout")
def firmware_rollout(context: TelemetryCtx) -> None:
    req = context.request_payload
    devices = context.run("list-devices", lambda: tsdb.devices_for_site(req["site"]))
    firmware.roll_out(context, devices, req["version"])  # expect: UWF102
    push = functools.partial(alerts.push_config, context)
    for device_id in devices:
        push(device_id, {"firmware": req["version"]})
    context.run("mark-rolled-out", lambda: tsdb.mark_rollout(req["site"], req["version"]))


@serve.route("/wf/overheat")
def overheat(context: TelemetryCtx) -> None:
    device_id = context.request_payload["device_id"]
    device = context.run("lookup-device", lambda: lookup_device(device_id)) or {}
    reading = context.run("read-temperature", lambda: readings.latest_temperature(device_id))

    def _escalate() -> dict:
        alerts.page_oncall(context, device_id, device.get("owner", "unassigned"))  # expect: UWF202
        return {"escalated": device_id, "temp_c": reading}

    context.run("escalate", _escalate)
    alerts.throttle(context, device_id)
