# shapes: module without the SDK; `with_audit`, a plain decorator built on `functools.wraps` whose async wrapper logs and calls the wrapped workflow helper with the context
import functools
import logging

log = logging.getLogger("learnpath.audit")


def with_audit(fn):
    @functools.wraps(fn)
    async def wrapper(context, *args, **kwargs):
        log.info("helper %s for run %s", fn.__name__, context.workflow_run_id)
        return await fn(context, *args, **kwargs)

    return wrapper
