# shapes: no SDK; WorkshopClient over httpx.Client held in self.http, with a module-level instance; Notifier, a staticmethod step factory returning a lambda; RecallRegistry over sqlite3 (no finding)
import sqlite3

import httpx


class WorkshopClient:
    def __init__(self, base_url: str = "https://workshop.example.com/api") -> None:
        self.http = httpx.Client(base_url=base_url, timeout=15)

    def book(self, vin: str, position: dict) -> dict:
        resp = self.http.post("/bookings", json={"vin": vin, "position": position})
        resp.raise_for_status()
        return resp.json()


workshop = WorkshopClient()


class Notifier:
    endpoint = "https://notify.example.com/v2/broadcast"

    @staticmethod
    def send(vins: list, channel: str) -> dict:
        return httpx.post(Notifier.endpoint, json={"vins": vins, "channel": channel}, timeout=10).json()

    @staticmethod
    def batch_step(batch: list, channel: str):
        return lambda: Notifier.send(list(batch), channel)


class RecallRegistry:
    def __init__(self, path: str = "recalls.db") -> None:
        self.path = path

    def affected_vins(self, recall_id: str) -> list:
        with sqlite3.connect(self.path) as conn:
            return [vin for (vin,) in conn.execute("SELECT vin FROM affected WHERE recall = ? ORDER BY vin", (recall_id,))]

    def close(self, recall_id: str, channel: str) -> dict:
        with sqlite3.connect(self.path) as conn:
            conn.execute("UPDATE recalls SET closed = 1, channel = ? WHERE id = ?", (channel, recall_id))
        return {"recall": recall_id, "closed": True}
