# shapes: module without the SDK; a plain `retrying` decorator built on `functools.wraps` whose wrapper backs off with `time.sleep` and `random.uniform` (it wraps GDS calls made only inside steps)
import functools
import random
import time

import requests


def retrying(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        for attempt in range(3):
            try:
                return fn(*args, **kwargs)
            except requests.ConnectionError:
                time.sleep(0.5 * (2 ** attempt) + random.uniform(0, 0.25))
        return fn(*args, **kwargs)

    return wrapper
