# shapes: module without the SDK; `new_batch_id` (uuid4) next to `stable_batch_id` (uuid5, deterministic)
import uuid

BATCH_NAMESPACE = uuid.UUID("5d0f6c1e-8a4b-4c3e-9f71-2b6a0d9e4c18")


def new_batch_id() -> str:
    return uuid.uuid4().hex[:12]


def stable_batch_id(site: str, day: str) -> str:
    return uuid.uuid5(BATCH_NAMESPACE, f"{site}:{day}").hex[:12]
