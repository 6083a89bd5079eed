# shapes: context type aliases in their own module (a TypeAlias of AsyncWorkflowContext[dict] and a typing.Annotated alias) and TypedDict payloads; no functions, no findings
from typing import Annotated, TypeAlias, TypedDict

from upstash_workflow import AsyncWorkflowContext

WfContext: TypeAlias = AsyncWorkflowContext[dict]
PayloadContext = Annotated[AsyncWorkflowContext[dict], "feed-refresh payload"]


class RefreshRequest(TypedDict, total=False):
    feeds: list[str]
    force: bool


class EntryRecord(TypedDict):
    link: str
    title: str
    published: str
