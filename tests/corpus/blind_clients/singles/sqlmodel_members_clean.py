# shapes: correct SDK module: flask Serve with the context class through the deep path upstash_workflow.context.context.WorkflowContext; a SQLModel engine and a module-level Session; select() statements built in orchestration (not I/O) and run only inside steps with `with Session(engine)`; the module-level session read inside a logging argument (exempt); a sqlite3 DB-API cursor inside a step function; step names from step results in a loop
import logging
import sqlite3
from typing import Optional

from flask import Flask
from sqlmodel import Field, Session, SQLModel, create_engine, select
from upstash_workflow.context.context import WorkflowContext
from upstash_workflow.flask import Serve

log = logging.getLogger(__name__)
app = Flask(__name__)
serve = Serve(app)
engine = create_engine("sqlite:///members.db")
reporting = Session(engine)


class Member(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    email: str
    tier: str = "free"


def member_emails(statement) -> list:
    with Session(engine) as session:
        return [member.email for member in session.exec(statement)]


def record_upgrade(email: str) -> int:
    conn = sqlite3.connect("audit.db")
    try:
        cursor = conn.cursor()
        cursor.execute("insert into upgrades(email) values (?)", (email,))
        conn.commit()
        return cursor.lastrowid
    finally:
        conn.close()


@serve.route("/upgrade-tier")
def upgrade_tier(context: WorkflowContext[dict]) -> None:
    tier = context.request_payload["tier"]
    statement = select(Member).where(Member.tier == tier)
    log.info("upgrading tier %s, first member %s", tier, reporting.get(Member, 1))
    emails = context.run("load-members", lambda s=statement: member_emails(s))
    for email in emails:
        context.run(f"record-{email}", lambda e=email: record_upgrade(e))
    context.call("notify", url="https://crm.example.com/upgrades", method="POST", body={"tier": tier, "count": len(emails)})
