# shapes: module without the SDK; JSON helpers over `transport.send` (I/O through another module)
from .transport import send


def get_json(path: str, **params) -> dict:
    return send("GET", path, params=params).json()


def post_json(path: str, body: dict) -> dict:
    return send("POST", path, json=body).json()
