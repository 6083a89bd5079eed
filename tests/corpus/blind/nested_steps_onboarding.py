# nested step calls: context.sleep inside a step, a helper that receives the context called from inside a step, context.call inside a step defined in a branch; loguru logging in orchestration
from fastapi import FastAPI
from loguru import logger
from upstash_workflow import AsyncWorkflowContext
from upstash_workflow.fastapi import Serve

from accounts.service import create_account, provision_workspace, send_welcome

app = FastAPI()
serve = Serve(app)

TEAMS_URL = "https://teams.internal/invite"


async def send_welcome_sequence(context: AsyncWorkflowContext[dict], user_id: str) -> None:
    await context.run("welcome-email", lambda: send_welcome(user_id, "day-0"))
    await context.sleep("welcome-gap", "2d")
    await context.run("tips-email", lambda: send_welcome(user_id, "day-2"))


@serve.post("/workflows/onboarding")
async def onboarding(context: AsyncWorkflowContext[dict]) -> None:
    email = context.request_payload["email"]
    logger.info("onboarding {}", email)

    async def _create() -> dict:
        account = await create_account(email)
        return {"user_id": account.id, "plan": account.plan}

    account = await context.run("create-account", _create)

    async def _provision() -> dict:
        workspace = await provision_workspace(account["user_id"])
        await context.sleep("wait-for-dns", 60)  # expect: UWF202
        return {"workspace_id": workspace.id}

    workspace = await context.run("provision", _provision)

    async def _kickoff() -> None:
        await send_welcome_sequence(context, account["user_id"])  # expect: UWF202

    await context.run("kickoff-emails", _kickoff)

    if account["plan"] == "team":
        async def _invite_admin() -> dict:
            await context.call("invite-admin", url=TEAMS_URL, method="POST", body={"workspace": workspace["workspace_id"]})  # expect: UWF202
            return {"invited": True}

        await context.run("invite-admin-step", _invite_admin)

    logger.info("onboarding for {} scheduled", email)
