# shapes: module without the SDK; a module-level `httpx.Client` used by `send` (the last link of a three-module chain fx -> http -> transport)
import os

import httpx

_client = httpx.Client(
    base_url=os.environ.get("LEDGER_API_URL", "https://ledger.internal"),
    timeout=10.0,
)


def send(method: str, path: str, **kwargs) -> httpx.Response:
    response = _client.request(method, path, **kwargs)
    response.raise_for_status()
    return response
