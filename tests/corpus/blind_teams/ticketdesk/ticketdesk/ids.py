# shapes: id utilities without the SDK: new_id() reads uuid4 (randomness), stable_id() uses uuid5 and short_hash() hashlib (both deterministic), ticket_ref() formats
import hashlib
import uuid


def new_id() -> str:
    return uuid.uuid4().hex


def stable_id(namespace: str, name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://ticketdesk.example/{namespace}/{name}"))


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def ticket_ref(number: int) -> str:
    return f"TCK-{number:06d}"
