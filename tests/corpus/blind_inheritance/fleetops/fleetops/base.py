# shapes: no SDK; RouteBase, a base class of another module holding a name and a monotonic start time, with a pure label helper and a clock-reading elapsed() (subclasses use them only inside steps; no finding)
import time


class RouteBase:
    def __init__(self, name: str) -> None:
        self.name = name
        self.started = time.monotonic()

    def label_for(self, key: str) -> str:
        return f"{self.name}:{key}"

    def elapsed(self) -> float:
        return round(time.monotonic() - self.started, 3)
