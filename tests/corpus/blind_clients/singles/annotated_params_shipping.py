# shapes: flask Serve; clients (requests.Session, httpx.Client) constructed in orchestration (fine); an annotated workflow helper taking an httpx.Client parameter whose read decides a step inside it (103, 105 there, nothing at its call); a file function taking a requests.Session parameter called from orchestration deciding two branches of steps (103+105 at the call), inside a logging argument and a call body (exempt), and inside steps (fine)
import logging

import httpx
import requests
from flask import Flask
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("shipping")
app = Flask(__name__)
serve = Serve(app)
CARRIER_URL = "https://carrier.example.com"


def carrier_accepts(http: requests.Session, parcel_id: str) -> bool:
    return http.get(f"{CARRIER_URL}/accepts/{parcel_id}", timeout=5).status_code == 200


def book_pickup(http: requests.Session, parcel_id: str) -> str:
    response = http.post(f"{CARRIER_URL}/pickups", json={"parcel": parcel_id}, timeout=10)
    return response.json()["pickup_id"]


def flag_address(address: str) -> str:
    return f"flagged:{address}"


def check_address(context: WorkflowContext[dict], geo: httpx.Client) -> None:
    address = context.request_payload["address"]
    verdict = geo.get("/validate", params={"q": address})  # expect: UWF103
    if verdict.status_code != 200:  # expect: UWF105
        context.run("flag-address", lambda: flag_address(address))


@serve.route("/ship")
def ship(context: WorkflowContext[dict]) -> None:
    parcel_id = context.request_payload["parcel_id"]
    carrier = requests.Session()
    geo = httpx.Client(base_url="https://geo.example.com", timeout=5.0)
    log.info("parcel %s accepted=%s", parcel_id, carrier_accepts(carrier, parcel_id))
    check_address(context, geo)
    if carrier_accepts(carrier, parcel_id):  # expect: UWF103, UWF105
        context.run("book-pickup", lambda: book_pickup(carrier, parcel_id))
    else:
        context.run("book-courier", lambda: book_pickup(carrier, f"courier-{parcel_id}"))
    context.call("print-label", url=f"{CARRIER_URL}/labels", method="POST", body={"parcel": parcel_id, "accepts": carrier_accepts(carrier, parcel_id)})
    context.run("confirm", lambda: carrier_accepts(carrier, parcel_id))
