"""A welcome sequence on FastAPI, written the way Upstash Workflow expects. wfcheck finds
nothing here.

It shows the patterns that are safe on replay:
- every read of the database, the clock or a random source happens inside a step, and the
  value is taken from the step's result;
- each step returns what later code needs instead of storing it in a variable outside;
- steps are awaited one after another, never together and never inside another step;
- the early return before the first step depends only on the request (its headers);
- step names are built from the payload and from step results, so they are the same on
  every call; the same name in a loop is fine;
- the arguments of `sleep_until` and `call` may use the clock: the SDK reads them only when
  the step first runs.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import time
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

logger = logging.getLogger(__name__)

app = FastAPI()
serve = Serve(app)

engine = create_async_engine(os.environ.get("DATABASE_URL", "postgresql+asyncpg://localhost/app"))

MAILER_API = "https://mailer.example.com/send"
WEBHOOK_SECRET = os.environ.get("WELCOME_WEBHOOK_SECRET", "")


async def load_user(user_id: str) -> Optional[Dict[str, Any]]:
    async with engine.connect() as connection:
        row = (
            (
                await connection.execute(
                    text("SELECT id, email, name, plan FROM users WHERE id = :id"), {"id": user_id}
                )
            )
            .mappings()
            .first()
        )
    return dict(row) if row else None


async def send_email(to: str, template: str, data: Dict[str, Any]) -> str:
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(
            MAILER_API, json={"to": to, "template": template, "data": data}
        )
        response.raise_for_status()
        return response.json()["message_id"]


async def has_logged_in_since(user_id: str, since: str) -> bool:
    async with engine.connect() as connection:
        result = await connection.execute(
            text("SELECT 1 FROM sessions WHERE user_id = :id AND started_at > :since LIMIT 1"),
            {"id": user_id, "since": since},
        )
        return result.first() is not None


async def send_tips(
    context: AsyncWorkflowContext[Dict[str, Any]], user: Dict[str, Any], tips: List[str]
) -> None:
    """A helper of the workflow: it receives the context and runs one step per tip."""
    for index, tip in enumerate(tips):
        await context.sleep("wait-a-day", "1d")
        await context.run(
            f"tip-{index}",
            functools.partial(send_email, user["email"], "tip", {"name": user["name"], "tip": tip}),
        )


@serve.post("/api/users/welcome")
async def welcome(context: AsyncWorkflowContext[Dict[str, Any]]) -> None:
    # Deterministic: the same request carries the same headers on every call.
    if context.headers.get("x-welcome-secret") != WEBHOOK_SECRET:
        return

    user_id = context.request_payload["user_id"]

    async def _load_user() -> Optional[Dict[str, Any]]:
        return await load_user(user_id)

    user = await context.run("load-user", _load_user)
    if user is None:
        return

    # The clock and the random token are read inside a step; the step records them as strings.
    def _start() -> Dict[str, str]:
        return {
            "started_at": datetime.now(timezone.utc).isoformat(),
            "referral_code": secrets.token_urlsafe(8),
        }

    start = await context.run("start", _start)

    await context.run(
        "send-welcome",
        lambda: send_email(
            user["email"], "welcome", {"name": user["name"], "code": start["referral_code"]}
        ),
    )

    # The clock in the argument of sleep_until is read only when this step first runs.
    await context.sleep_until("wait-two-days", time.time() + 2 * 24 * 3600)

    async def _check_login() -> bool:
        return await has_logged_in_since(user_id, start["started_at"])

    logged_in = await context.run("check-login", _check_login)
    if not logged_in:
        await context.call(
            "nudge-crm",
            url="https://crm.example.com/api/nudges",
            method="POST",
            body={"user_id": user_id, "sent_at": datetime.now(timezone.utc).isoformat()},
        )

    tips = (
        ["import-your-data", "invite-your-team"] if user["plan"] == "team" else ["import-your-data"]
    )
    await send_tips(context, user, tips)

    async def _done() -> str:
        logger.info("welcome sequence finished for %s", user_id)
        return "done"

    await context.run("finish", _done)
