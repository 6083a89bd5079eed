# shapes: module without the SDK; a failure function (`fail_status, fail_response, fail_headers`) imported under an alias by enrolment.py; it reads the clock, uuid4 and HTTP freely
import uuid
from datetime import datetime, timezone

import requests

OPS_HOOK = "https://ops.internal/hooks/learnpath"


async def on_enrolment_failed(context, fail_status, fail_response, fail_headers) -> None:
    incident = uuid.uuid4().hex[:8]
    requests.post(
        OPS_HOOK,
        json={
            "incident": incident,
            "run": context.workflow_run_id,
            "status": fail_status,
            "at": datetime.now(timezone.utc).isoformat(),
        },
        timeout=5,
    )
