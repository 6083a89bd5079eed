# shapes: Serve on an APIRouter created inside register_workflows(app) with the SDK import inside the function; unannotated routes; helpers from campaigns.py (their clock read is reported at the call) and from audience.py / templates.py (no SDK): a boto3 table from another module read before the first step, a random helper deciding steps, a clock helper whose value only reaches sleep_until (fine), bytes from an imported helper as a step result, a call without a step name, a nonlocal assignment in a step, an invalid sleep string, a plain def on the async adapter
from __future__ import annotations

from fastapi import APIRouter, FastAPI

from mailroom import audience
from mailroom.audience import members_table
from mailroom.campaigns import run_campaign, send_test_message
from mailroom.templates import load_template_bytes, render_template

PREVIEW_HOOK = "https://hooks.internal.example.com/mailroom/preview"
SEND_URL = "https://mail.internal.example.com/v1/send"


def register_workflows(app: FastAPI) -> None:
    from upstash_workflow.fastapi import Serve

    router = APIRouter(prefix="/workflows")
    serve = Serve(router)

    @serve.post("/campaigns/send")
    async def send_campaign(context) -> None:
        campaign_id = context.request_payload["campaign_id"]
        await run_campaign(context, campaign_id)  # expect: UWF101

    @serve.post("/campaigns/send-test")
    async def send_test(context) -> None:
        payload = context.request_payload
        await send_test_message(context, payload["email"], payload["campaign_id"])

    @serve.post("/campaigns/morning")
    async def morning_send(context) -> None:
        campaign_id = context.request_payload["campaign_id"]
        wake_at = audience.next_morning_utc()
        await context.sleep_until("wait-for-morning", wake_at)
        html = await context.run("render", lambda: render_template(campaign_id))
        members = await context.run("load-members", lambda: audience.segment_members(campaign_id))
        await context.call("send", url=SEND_URL, method="POST", body={"to": members, "html": html})

    @serve.post("/campaigns/staggered")
    async def staggered_send(context) -> None:
        campaign_id = context.request_payload["campaign_id"]
        html = await context.run("render", lambda: render_template(campaign_id))
        members = await context.run("load-members", lambda: audience.segment_members(campaign_id))
        hour = audience.pick_send_hour()  # expect: UWF102
        if hour < 12:  # expect: UWF105
            await context.run("send-morning-batch", lambda: audience.send_batch(members, html))
        else:
            await context.run("send-afternoon-batch", lambda: audience.send_batch(members, html))

    @serve.post("/templates/preview")
    async def preview_template(context) -> None:
        name = context.request_payload["template"]
        raw = await context.run("load-template", lambda: load_template_bytes(name))  # expect: UWF204
        await context.call(url=PREVIEW_HOOK, method="POST", body={"template": name, "size": len(raw)})  # expect: UWF306

    @serve.post("/members/resubscribe")
    async def resubscribe(context) -> None:
        email = context.request_payload["email"]
        existing = members_table.get_item(Key={"email": email})  # expect: UWF103
        if "Item" in existing:
            return  # expect: UWF104
        await context.run("restore-member", lambda: audience.restore_member(email))
        await context.sleep("welcome-back-delay", "1 day")  # expect: UWF307

    @serve.post("/members/unsubscribe")
    def unsubscribe(context) -> None:  # expect: UWF304
        email = context.request_payload["email"]
        context.run("remove-member", lambda: audience.remove_member(email))  # expect: UWF303

    @serve.post("/campaigns/digest")
    async def weekly_digest(context) -> None:
        campaign_id = context.request_payload["campaign_id"]
        recipients = 0

        async def _send_digest() -> None:
            nonlocal recipients
            members = audience.segment_members(campaign_id)
            result = audience.send_batch(members, render_template("digest"))
            recipients = result["sent"]  # expect: UWF201

        await context.run("send-digest", _send_digest)
        await context.run("record-digest", lambda: audience.record_stats(campaign_id, recipients, 0.0))

    app.include_router(router)
