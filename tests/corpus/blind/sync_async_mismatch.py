# serve/async_serve registrations that do not match the function: an async def under the sync serve, a plain def under async_serve (with its unawaited step calls), route_function= keyword; correctly paired registrations for contrast
from upstash_workflow import AsyncWorkflowContext, WorkflowContext, async_serve, serve

from contacts.api import archive_batch, dedupe, export_rows, fetch_contacts, upsert_contacts


async def sync_contacts(context: WorkflowContext[dict]) -> None:  # expect: UWF304
    list_id = context.request_payload["list_id"]

    def _fetch() -> list:
        return fetch_contacts(list_id)

    contacts = context.run("fetch-contacts", _fetch)

    def _upsert() -> dict:
        return {"upserted": upsert_contacts(list_id, contacts)}

    context.run("upsert-contacts", _upsert)


def export_contacts(context) -> None:  # expect: UWF304
    list_id = context.request_payload["list_id"]
    rows = context.run("export", lambda: export_rows(list_id))  # expect: UWF303
    context.sleep("settle", 10)  # expect: UWF303
    context.run("notify", lambda: export_rows(list_id, notify=True, previous=rows))  # expect: UWF303


def archive_contacts(context: WorkflowContext[dict]) -> None:
    list_id = context.request_payload["list_id"]
    context.run("archive", lambda: archive_batch(list_id))
    context.sleep("settle", 10)
    context.run("archive-confirm", lambda: archive_batch(list_id, confirm=True))


async def dedupe_contacts(context: AsyncWorkflowContext[dict]) -> None:
    list_id = context.request_payload["list_id"]

    async def _dedupe() -> dict:
        removed = await dedupe(list_id)
        return {"removed": removed}

    await context.run("dedupe", _dedupe)


sync_contacts_handler = serve(sync_contacts)["handler"]
export_handler = async_serve(route_function=export_contacts)["handler"]
archive_handler = serve(archive_contacts)["handler"]
dedupe_handler = async_serve(dedupe_contacts)["handler"]
