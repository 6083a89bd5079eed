# shapes: a route method registered as obj.m through async_serve; clients held on self (a SQLAlchemy Session built in __init__ from an annotated Engine, a boto3 client, an httpx.AsyncClient); a read through self.db before the first step deciding an early return (103, 104); a file class holding an annotated redis.Redis parameter on self, whose method is called on a module-level instance from orchestration (103+105 at the call) and inside a step (fine); reads through self inside steps (fine)
import boto3
import httpx
from redis import Redis
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session
from upstash_workflow import AsyncWorkflowContext, async_serve


class QuotaService:
    def __init__(self, store: Redis) -> None:
        self.store = store

    def remaining(self, account: str) -> int:
        return int(self.store.get(f"quota:{account}") or 0)


quotas = QuotaService(Redis(host="quota.internal", decode_responses=True))


class ReportWorkflows:
    def __init__(self, engine: Engine) -> None:
        self.db = Session(engine)
        self.blobs = boto3.client("s3")
        self.web = httpx.AsyncClient(base_url="https://reports.example.com", timeout=10.0)

    def render(self, account: str) -> str:
        rows = self.db.execute(text("select name, total from report_rows where account = :a"), {"a": account}).all()
        return "\n".join(f"{name}: {total}" for name, total in rows)

    def upload(self, account: str, body: str) -> str:
        key = f"reports/{account}.txt"
        self.blobs.put_object(Bucket="nightly-reports", Key=key, Body=body)
        return key

    async def email(self, account: str, key: str) -> int:
        response = await self.web.post("/email", json={"account": account, "key": key})
        return response.status_code

    async def nightly(self, context: AsyncWorkflowContext[dict]) -> None:
        account = context.request_payload["account"]
        pending = self.db.scalar(text("select count(*) from report_jobs where account = :a"), {"a": account})  # expect: UWF103
        if pending == 0:
            return  # expect: UWF104
        rendered = await context.run("render", lambda: self.render(account))
        key = await context.run("upload", lambda: self.upload(account, rendered))
        if quotas.remaining(account) < 1:  # expect: UWF103, UWF105
            return
        await context.run("email", lambda: self.email(account, key))
        await context.run("spend-quota", lambda: quotas.remaining(account) - 1)


workflows = ReportWorkflows(create_engine("postgresql+psycopg://reports@db/reports"))
nightly_handler = async_serve(workflows.nightly)["handler"]
