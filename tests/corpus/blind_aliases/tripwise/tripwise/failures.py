# shapes: module without the SDK; a failure function (`fail_status, fail_response, fail_headers`) that reads the clock, random and HTTP freely
import random
from datetime import datetime, timezone

import requests

OPS_WEBHOOK = "https://ops.internal/hooks/tripwise"


async def booking_failed(context, fail_status, fail_response, fail_headers) -> None:
    incident = f"INC-{random.randint(10000, 99999)}"
    requests.post(
        OPS_WEBHOOK,
        json={
            "incident": incident,
            "run": context.workflow_run_id,
            "status": fail_status,
            "at": datetime.now(timezone.utc).isoformat(),
        },
        timeout=5,
    )
