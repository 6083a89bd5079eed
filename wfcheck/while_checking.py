"""Process-wide settings that a check changes while it runs: the garbage collector paused,
the recursion limit raised. The first check under way, in any thread, changes them; the last
one restores them."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class _WhileChecking:
    """A process-wide setting that checks change while any of them runs, in any thread:
    changed when the first begins, restored when the last ends (a check that restored what it
    found would restore another thread's change)."""

    def __init__(self, change: Callable[[], object], restore: Callable[[Any], object]) -> None:
        self._change = change
        self._restore = restore
        self._lock = threading.Lock()
        self._checks = 0
        self._found: object = None

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if not self._checks:
                self._found = self._change()
            self._checks += 1
        try:
            yield
        finally:
            with self._lock:
                self._checks -= 1
                if not self._checks:
                    self._restore(self._found)


def _pause_collector() -> bool:
    enabled = gc.isenabled()
    gc.disable()
    return enabled


def _resume_collector(was_enabled: bool) -> None:
    if was_enabled:
        gc.enable()


# Automatic garbage collection is paused while files are checked. A checked file's tree and
# model hold no reference cycles (tests/test_garbage.py), so reference counting frees them; the
# collector's passes over them while they are built would cost about a sixth of a check.
collector_paused = _WhileChecking(_pause_collector, _resume_collector)

# The model recurses along the tree, up to three frames per level of nesting. At the default
# recursion limit CPython's parser accepts about 2,500 levels (a long `a + b + ...` chain);
# Python-to-Python calls do not use the C stack, so analysis runs with room for all of them.
_ANALYSIS_RECURSION_LIMIT = 20_000


def _raise_recursion_limit() -> int:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _ANALYSIS_RECURSION_LIMIT))
    return limit


recursion_room = _WhileChecking(_raise_recursion_limit, sys.setrecursionlimit)
