# shapes: 5 labels. Flask Serve(app), a seasonal-bonus route and a points-expiry route sharing a CampaignCalendar service object and repositories; a method chain of a module-level instance ending in date.today() whose season reaches a step name in a loop (101 at the call, 106); a module-level random.SystemRandom() whose choice picks an offer variant used in step bodies (102); a stats dict of the route bumped with += inside a nested step def (201); a step def whose batch parameter was never bound (205). Fine: a pure staticmethod of the same class in orchestration, the date-reading method inside a step, default-argument step defs in loops, functools.partial of repository methods, a step-local counter, an early return on a step result
"""Loyalty campaign workflows (CRM team)."""
import functools
import logging
import os
import random
from dataclasses import dataclass
from datetime import date, timedelta

import requests
from flask import Flask
from sqlalchemy import create_engine, text
from upstash_workflow import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger("crm.loyalty")

app = Flask(__name__)
serve = Serve(app)

SEASONS = ("winter", "spring", "summer", "autumn")
OFFER_VARIANTS = ("double-points", "free-shipping", "birthday-gift")
BONUS_POINTS = {"bronze": 50, "silver": 150, "gold": 400}
POINTS_API = os.environ.get("POINTS_API", "https://points.internal/api")

engine = create_engine(os.environ.get("LOYALTY_DB_URL", "postgresql://loyalty@db/loyalty"))
_sysrand = random.SystemRandom()


@dataclass(frozen=True)
class CampaignSettings:
    batch_size: int = int(os.environ.get("LOYALTY_BATCH_SIZE", "100"))
    expiry_batch_size: int = 200
    expiry_months: int = 18


settings = CampaignSettings()


class CampaignCalendar:
    def __init__(self, tz_name: str) -> None:
        self.tz_name = tz_name

    def _today(self) -> date:
        return date.today()

    def current_season(self) -> str:
        return self.season_for(self._today().month)

    @staticmethod
    def season_for(month: int) -> str:
        return SEASONS[(month % 12) // 3]

    def expiry_cutoff(self, months: int) -> str:
        return (self._today() - timedelta(days=30 * months)).isoformat()


class MembersRepository:
    def by_tier(self, tier: str) -> list[dict]:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, email FROM members WHERE tier = :t ORDER BY id"), {"t": tier})
            return [{"id": r.id, "email": r.email} for r in rows]

    def with_expiring_points(self, cutoff: str) -> list[str]:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id FROM points WHERE earned_at < :c AND expired = false"), {"c": cutoff})
            return [r.id for r in rows]


campaign_calendar = CampaignCalendar(os.environ.get("CAMPAIGN_TZ", "UTC"))
members_repo = MembersRepository()


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def grant_points(members: list[dict], points: int, variant: str) -> int:
    resp = requests.post(
        f"{POINTS_API}/grants",
        json={"members": [m["id"] for m in members], "points": points, "offer": variant},
        timeout=30,
    )
    resp.raise_for_status()
    return int(resp.json()["granted"])


def expire_batch(account_ids: list[str], cutoff: str) -> int:
    resp = requests.post(f"{POINTS_API}/expire", json={"accounts": account_ids, "before": cutoff}, timeout=60)
    resp.raise_for_status()
    return int(resp.json()["expired"])


@serve.route("/workflows/loyalty/seasonal-bonus")
def seasonal_bonus(context: WorkflowContext[dict]) -> None:
    tier = context.request_payload.get("tier", "gold")
    if tier not in BONUS_POINTS:
        log.warning("unknown tier %r", tier)
        return
    requested_season = CampaignCalendar.season_for(int(context.request_payload.get("month", 1)))
    season = campaign_calendar.current_season()  # expect: UWF101
    variant = _sysrand.choice(OFFER_VARIANTS)  # expect: UWF102
    log.info("seasonal bonus for %s: requested %s, running %s with %s", tier, requested_season, season, variant)

    members = context.run("load-members", functools.partial(members_repo.by_tier, tier))
    if not members:
        return

    stats = {"granted": 0, "batches": 0}
    for index, batch in enumerate(chunks(members, settings.batch_size)):
        def _grant(batch=batch) -> int:
            granted = grant_points(batch, BONUS_POINTS[tier], variant)
            stats["granted"] += granted  # expect: UWF201
            return granted

        context.run(f"grant-{season}-bonus-{index}", _grant)  # expect: UWF106

    context.run(
        "campaign-report",
        lambda: requests.post(
            f"{POINTS_API}/campaigns/report",
            json={"tier": tier, "stats": stats, "season": campaign_calendar.current_season()},
            timeout=10,
        ).status_code,
    )


@serve.route("/workflows/loyalty/expire-points")
def expire_points(context: WorkflowContext[dict]) -> None:
    months = int(context.request_payload.get("months", settings.expiry_months))
    cutoff = context.run("expiry-cutoff", lambda: campaign_calendar.expiry_cutoff(months))
    accounts = context.run("accounts-with-expiring-points", functools.partial(members_repo.with_expiring_points, cutoff))
    log.info("%d accounts have points older than %s", len(accounts), cutoff)

    def _expire(batch):
        return expire_batch(batch, cutoff)

    for index, batch in enumerate(chunks(accounts, settings.expiry_batch_size)):
        context.run(f"expire-{index}", _expire)  # expect: UWF205

    def _summary() -> dict:
        total = 0
        for batch in chunks(accounts, settings.expiry_batch_size):
            total += len(batch)
        return {"accounts": total, "cutoff": cutoff}

    summary = context.run("expiry-summary", _summary)
    context.sleep("notify-delay", 600)
    context.run("notify-crm", lambda: requests.post(f"{POINTS_API}/notify", json=summary, timeout=10).status_code)
