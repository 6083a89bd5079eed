# Shapes: SQLModel Session (as a context manager) and engine.connect() used in orchestration, an early return on the loaded row, a step returning a SQLModel instance (unserializable) and one returning model_dump() (fine).
from __future__ import annotations

import logging

from fastapi import FastAPI
from sqlalchemy import text
from sqlmodel import Field, Session, SQLModel, create_engine
from upstash_workflow.fastapi import AsyncWorkflowContext, Serve

logger = logging.getLogger(__name__)


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str
    onboarded: bool = False


class Profile(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: int
    locale: str = "en"


engine = create_engine("postgresql+psycopg://app@db/app")
app = FastAPI()
serve = Serve(app)


def send_welcome(email: str) -> dict:
    return {"to": email, "template": "welcome"}


@serve.post("/users/onboard")
async def onboard(context: AsyncWorkflowContext[dict]) -> None:
    user_id = context.request_payload["user_id"]

    with Session(engine) as session:
        user = session.get(User, user_id)  # expect: UWF103
    if user is None or user.onboarded:
        return  # expect: UWF104

    def _create_profile() -> Profile:
        with Session(engine) as db:
            db.add(Profile(user_id=user_id))
            db.commit()
        return Profile(user_id=user_id, locale="en")  # expect: UWF204

    await context.run("create-profile", _create_profile)

    def _mark_onboarded() -> dict:
        with Session(engine) as db:
            row = db.get(User, user_id)
            row.onboarded = True
            db.add(row)
            db.commit()
            db.refresh(row)
            return row.model_dump()

    await context.run("mark-onboarded", _mark_onboarded)
    await context.run("welcome", lambda: send_welcome(context.request_payload["email"]))


@serve.post("/users/healthcheck")
async def healthcheck(context: AsyncWorkflowContext[dict]) -> None:
    with engine.connect() as conn:  # expect: UWF103
        conn.execute(text("SELECT 1"))  # expect: UWF103

    await context.run("ping", lambda: {"ok": True})
