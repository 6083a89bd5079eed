# shapes: no SDK: a nightly HRIS sync script that reads the clock, uuid4, random jitter, the HRIS repository and the directory freely at call time; nothing here is a finding
import random
import time
import uuid
from datetime import datetime, timezone

from onboardly.services.deps import default_deps
from onboardly.workdays import Workdays


def nightly_sync(employee_ids: list) -> dict:
    if Workdays.is_weekend_today():
        return {"skipped": True}
    deps = default_deps()
    batch_id = uuid.uuid4().hex
    synced = []
    for employee_id in employee_ids:
        hire = deps.hris.fetch_hire(employee_id)
        if hire["status"] != "withdrawn":
            deps.directory.assign_groups(hire["email"].split("@")[0], hire["groups"])
            synced.append(employee_id)
        time.sleep(random.uniform(0.05, 0.2))
    return {"batch": batch_id, "synced": synced, "finished_at": datetime.now(timezone.utc).isoformat()}
