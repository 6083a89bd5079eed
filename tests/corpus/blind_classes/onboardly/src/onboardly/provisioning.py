# shapes: no SDK: hardware_order_step(), a project function that only returns a functools.partial (a step factory, so calling it in a step argument is fine); _place_order reads requests and uuid4 when the step runs; nothing here is a finding
import functools
import uuid

import requests

PROCUREMENT_API = "https://procurement.internal/orders"


def _place_order(employee_id: str, model: str) -> dict:
    resp = requests.post(PROCUREMENT_API, json={"employee_id": employee_id, "model": model, "request_id": str(uuid.uuid4())}, timeout=15)
    resp.raise_for_status()
    return {"order_id": resp.json()["id"], "model": model}


def hardware_order_step(employee_id: str, model: str):
    return functools.partial(_place_order, employee_id, model)
