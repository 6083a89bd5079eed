# shapes: module without the SDK; a plain `traced` decorator built on `functools.wraps` (its wrapper reads no source) that wraps the source helpers of ingest/readings.py
import functools
import logging

log = logging.getLogger("telemetrix.obs")


def traced(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        log.debug("enter %s", fn.__qualname__)
        try:
            return fn(*args, **kwargs)
        finally:
            log.debug("exit %s", fn.__qualname__)

    return wrapper
