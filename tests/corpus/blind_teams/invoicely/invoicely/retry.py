# shapes: retry decorators without the SDK, both wrapping with functools.wraps: a plain @retrying for sqlite repositories and a @retry(times=...) factory for HTTP calls; no sleeping in the wrappers
import functools
import logging
import sqlite3

log = logging.getLogger(__name__)


def retrying(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        last_error = None
        for _ in range(3):
            try:
                return fn(*args, **kwargs)
            except sqlite3.OperationalError as exc:
                last_error = exc
                log.warning("retrying %s after %s", fn.__name__, exc)
        raise last_error

    return wrapper


def retry(times: int = 3, exceptions: tuple = (ConnectionError, TimeoutError)):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return fn(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise
                    log.warning("attempt %d of %s failed", attempt, fn.__name__)

        return wrapper

    return decorator
