# shapes: no SDK; TelemetryStore over a boto3 DynamoDB Table held in self.table; GeoMixin, a mixin of another module whose method reads httpx; Odometer and FleetStats with staticmethods reading httpx, boto3 and the clock; a module-level boto3 resource (no finding)
import time

import boto3
import httpx

dynamodb = boto3.resource("dynamodb")


class TelemetryStore:
    def __init__(self, table_name: str = "fleet-telemetry") -> None:
        self.table = dynamodb.Table(table_name)

    def latest(self, vin: str) -> dict:
        return self.table.get_item(Key={"vin": vin}).get("Item", {})

    def due_vehicles(self, depot: str) -> list:
        resp = self.table.query(IndexName="by-depot", KeyConditionExpression="depot = :d", ExpressionAttributeValues={":d": depot})
        return [item["vin"] for item in resp.get("Items", []) if item.get("service_due")]

    def record_odometer(self, vin: str, km: int) -> dict:
        self.table.update_item(Key={"vin": vin}, UpdateExpression="SET km = :km", ExpressionAttributeValues={":km": km})
        return {"vin": vin, "km": km}


class GeoMixin:
    geo_url = "https://geo.example.com/v1/positions"

    def live_position(self, vin: str) -> dict:
        return httpx.get(f"{self.geo_url}/{vin}", timeout=5).json()


class Odometer:
    @staticmethod
    def read(vin: str) -> int:
        return int(httpx.get(f"https://telematics.example.com/odometer/{vin}", timeout=5).json()["km"])


class FleetStats:
    @staticmethod
    def snapshot() -> dict:
        count = dynamodb.Table("fleet-telemetry").scan(Select="COUNT")["Count"]
        return {"vehicles": int(count), "taken_at": time.time()}
