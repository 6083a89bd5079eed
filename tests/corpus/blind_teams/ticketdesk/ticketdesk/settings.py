# shapes: settings module without the SDK: get()/int_setting() read os.environ at call time with defaults (environment reads are not non-deterministic sources)
import os

_DEFAULTS = {
    "HELPDESK_API": "https://helpdesk.internal/api",
    "WORKFLOW_RETRIES": "3",
    "ESCALATIONS_PAUSED": "0",
    "REPLY_SIGNATURE": "-- The Support Team",
}


def get(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, _DEFAULTS.get(name, default))


def int_setting(name: str, default: int) -> int:
    value = get(name)
    return int(value) if value is not None else default


def flag(name: str) -> bool:
    return (get(name) or "0").lower() in {"1", "true", "yes"}
