"""Facts about the `upstash-workflow` Python SDK, by qualified name."""

from __future__ import annotations

SDK_MODULE = "upstash_workflow"

SDK_2_0_0_METHODS = frozenset({"run", "sleep", "sleep_until", "call"})

# Context methods that start a step, in 2.0.0 or in the docs and the TypeScript SDK; which of
# them exist is the configured method set.
STEP_METHODS = frozenset(
    {
        "run",
        "sleep",
        "sleep_until",
        "call",
        "wait_for_event",
        "notify",
        "invoke",
        "cancel",
        "create_webhook",
        "wait_for_webhook",
    }
)

# Attributes of the context that are not methods.
CONTEXT_ATTRIBUTES = frozenset(
    {
        "request_payload",
        "headers",
        "workflow_run_id",
        "url",
        "env",
        "retries",
        "qstash_client",
        "failure_url",
        "redact",
    }
)

CONTEXT_CLASSES = frozenset(
    {
        "upstash_workflow.WorkflowContext",
        "upstash_workflow.AsyncWorkflowContext",
        "upstash_workflow.context.context.WorkflowContext",
        "upstash_workflow.asyncio.context.context.WorkflowContext",
        "upstash_workflow.fastapi.AsyncWorkflowContext",
        "upstash_workflow.flask.WorkflowContext",
    }
)

# Adapter classes whose instances register routes: qualified name -> (method, is_async).
SERVE_CLASSES = {
    "upstash_workflow.fastapi.Serve": ("post", True),
    "upstash_workflow.flask.Serve": ("route", False),
}

# Functions that take the route function as their first argument: qualified name -> is_async.
SERVE_FUNCTIONS = {
    "upstash_workflow.serve": False,
    "upstash_workflow.serve.serve.serve": False,
    "upstash_workflow.flask.serve": False,
    "upstash_workflow.async_serve": True,
    "upstash_workflow.asyncio.serve.serve.serve": True,
    "upstash_workflow.fastapi.async_serve": True,
}

WORKFLOW_ABORT = frozenset(
    {"upstash_workflow.WorkflowAbort", "upstash_workflow.error.WorkflowAbort"}
)

FAILURE_FUNCTION_OPTION = "failure_function"

# Positional index and keyword of each step method's name argument.
STEP_NAME_PARAMETER = "step_name"
STEP_FUNCTION_PARAMETER = "step_function"
