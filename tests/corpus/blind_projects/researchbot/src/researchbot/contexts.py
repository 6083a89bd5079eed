# shapes: a context type alias declared here and imported as the annotation by api.py and pipeline.py, next to TypedDict payload shapes; no workflow function (no findings)
from __future__ import annotations

from typing import TypedDict

from upstash_workflow import AsyncWorkflowContext

ResearchContext = AsyncWorkflowContext[dict]


class ResearchRequest(TypedDict, total=False):
    topic: str
    depth: int
    notify_url: str


class KeywordRequest(TypedDict):
    text: str


class ReindexRequest(TypedDict, total=False):
    index: str
    resume_at: int


DEFAULT_DEPTH = 5
