# shapes: no SDK; an SQS client from boto3.session.Session(...).client(...) and a DynamoDB Table from boto3.resource(...).Table(...) at module level; functions that send and read with them freely
import json
import os

import boto3

QUEUE_URL = os.environ.get("DISPATCH_QUEUE_URL", "https://sqs.eu-central-1.amazonaws.com/000000000000/dispatch")

sqs = boto3.session.Session(region_name="eu-central-1").client("sqs")
telemetry = boto3.resource("dynamodb").Table("fleet-telemetry")


def send_dispatch(vehicle_id: str, route: dict) -> str:
    response = sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps({"vehicle": vehicle_id, "route": route}))
    return response["MessageId"]


def last_ping(vehicle_id: str) -> str:
    item = telemetry.get_item(Key={"vehicle_id": vehicle_id})
    return item["Item"]["last_ping"] if "Item" in item else ""
