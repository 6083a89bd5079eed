# shapes: no SDK: CarrierGateway keeps a requests.Session in self.http; CustomerNotifier posts with requests; a module-level health check pings carriers and times itself; every method is used only inside steps (or is reported at an orchestration call in routes.py); nothing here is a finding
import time

import requests

CARRIER_API = "https://carriers.internal/v2"


class CarrierGateway:
    def __init__(self, base_url: str = CARRIER_API) -> None:
        self.base_url = base_url
        self.http = requests.Session()

    def quote(self, parcel: dict) -> dict:
        resp = self.http.post(f"{self.base_url}/quotes", json=parcel, timeout=10)
        resp.raise_for_status()
        return resp.json()

    def book(self, parcel: dict, carrier: str) -> dict:
        resp = self.http.post(f"{self.base_url}/bookings", json={"parcel": parcel, "carrier": carrier}, timeout=10)
        resp.raise_for_status()
        return resp.json()

    def label(self, parcel: dict) -> dict:
        return self.http.post(f"{self.base_url}/labels", json=parcel, timeout=10).json()

    def track(self, tracking_no: str) -> str:
        return self.http.get(f"{self.base_url}/tracking/{tracking_no}", timeout=10).json()["status"]


class CustomerNotifier:
    ENDPOINT = "https://notify.internal/shipped"

    def shipped(self, email: str, tracking_no: str) -> dict:
        resp = requests.post(self.ENDPOINT, json={"email": email, "tracking_no": tracking_no}, timeout=10)
        return {"status": resp.status_code}


def carrier_health() -> dict:
    started = time.perf_counter()
    ok = requests.get(f"{CARRIER_API}/health", timeout=3).ok
    return {"ok": ok, "latency_ms": int((time.perf_counter() - started) * 1000)}
