# shapes: workflow module tied to the SDK only through the `TelemetryCtx` alias imported from contexts.py; helpers annotated with the alias, with their findings inside them: uuid4 in a step name (`push_config`, reached through `functools.partial(alerts.push_config, context)`), `time.sleep` before a step; `page_oncall`, a one-step helper called inside a step in workflows.py
import time
import uuid

from .contexts import TelemetryCtx
from .devices import ota
from .storage import tsdb

PAGER_URL = "https://events.pagerduty.com/v2/enqueue"


def page_oncall(context: TelemetryCtx, device_id: str, owner: str) -> None:
    context.call("page-oncall", url=PAGER_URL, method="POST", body={"device": device_id, "owner": owner})


def push_config(context: TelemetryCtx, device_id: str, cfg: dict) -> None:
    context.run(f"push-config-{uuid.uuid4().hex[:8]}", lambda: ota.push_config(device_id, cfg))  # expect: UWF102, UWF106


def throttle(context: TelemetryCtx, device_id: str) -> None:
    time.sleep(2)  # expect: UWF107
    context.run("record-throttle", lambda: tsdb.record_alert(device_id, "throttled"))
