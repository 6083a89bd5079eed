# shapes: a context type alias declared with TypeAlias, imported by flows.py (route annotations) and services/plan.py (an __init__ annotation); nothing here is a finding
from typing import TypeAlias

from upstash_workflow import AsyncWorkflowContext

OnboardCtx: TypeAlias = AsyncWorkflowContext[dict]
