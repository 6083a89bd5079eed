# shapes: `from upstash_workflow import AsyncWorkflowContext`; a shared alias (`EnrolCtx`) that grading.py imports only under `TYPE_CHECKING`
from upstash_workflow import AsyncWorkflowContext

EnrolCtx = AsyncWorkflowContext[dict]
