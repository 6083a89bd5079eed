# shapes: audience module that never imports the SDK: a boto3 DynamoDB table held in a module global, a random send-hour picker, a clock helper returning the next morning, batch sending over requests (no findings here)
from __future__ import annotations

import os
import random
from datetime import datetime, timedelta, timezone

import boto3
import requests

SEND_API = "https://mail.internal.example.com/v1/batch"

members_table = boto3.resource("dynamodb").Table(os.environ.get("MEMBERS_TABLE", "mailroom-members"))


def segment_members(campaign_id: str) -> list[str]:
    resp = members_table.query(
        IndexName="campaign-index",
        KeyConditionExpression="campaign_id = :c",
        ExpressionAttributeValues={":c": campaign_id},
    )
    return [item["email"] for item in resp.get("Items", [])]


def send_batch(emails: list[str], html: str) -> dict:
    resp = requests.post(SEND_API, json={"to": emails, "html": html}, timeout=30)
    resp.raise_for_status()
    return {"sent": len(emails)}


def record_stats(campaign_id: str, recipients: int, started_at: float) -> dict:
    members_table.put_item(Item={"email": f"stats#{campaign_id}", "recipients": recipients, "started_at": str(started_at)})
    return {"campaign_id": campaign_id, "recipients": recipients}


def remove_member(email: str) -> dict:
    members_table.delete_item(Key={"email": email})
    return {"removed": email}


def restore_member(email: str) -> dict:
    members_table.put_item(Item={"email": email, "status": "subscribed"})
    return {"restored": email}


def pick_send_hour() -> int:
    return random.randint(8, 17)


def next_morning_utc(hour: int = 8) -> datetime:
    now = datetime.now(timezone.utc)
    target = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    return target if target > now else target + timedelta(days=1)
