# async_serve as a bare decorator: a lambda step returning datetime.now() (unserializable), an inner step that takes a required parameter, a value passed instead of a step function, a step returning a UUID object; the same steps written correctly (isoformat, default argument, str(uuid)) afterwards
import uuid
from datetime import datetime, timezone

from upstash_workflow import AsyncWorkflowContext, async_serve

from signup.users import create_user, send_verification


@async_serve
async def signup(context: AsyncWorkflowContext[dict]) -> None:
    email = context.request_payload["email"]

    created_at = await context.run("created-at", lambda: datetime.now(timezone.utc))  # expect: UWF204

    async def _create(address: str) -> dict:
        user = await create_user(address)
        return {"user_id": user.id}

    user = await context.run("create-user", _create)  # expect: UWF205

    await context.run("mark-pending", {"state": "pending"})  # expect: UWF205

    async def _token():
        return uuid.uuid4()  # expect: UWF204

    token = await context.run("verification-token", _token)
    await context.run("send-verification", lambda: send_verification(email, str(token), created_at))


@async_serve
async def signup_v2(context: AsyncWorkflowContext[dict]) -> None:
    email = context.request_payload["email"]

    created_at = await context.run("created-at", lambda: datetime.now(timezone.utc).isoformat())

    async def _create(address: str = email) -> dict:
        user = await create_user(address)
        return {"user_id": user.id}

    user = await context.run("create-user", _create)

    async def _token() -> str:
        return str(uuid.uuid4())

    token = await context.run("verification-token", _token)
    await context.run("send-verification", lambda: send_verification(email, token, created_at, user["user_id"]))


signup_handler = signup["handler"]
signup_v2_handler = signup_v2["handler"]
