# shapes: depot_open reads the clock; depot_codes reads a bundled text file and is declared `# wfcheck: deterministic` on its def line (no SDK)
from datetime import datetime
from pathlib import Path

_DEPOTS_FILE = Path(__file__).with_name("depots.txt")
OPENING_HOURS = {"default": (7, 19), "night": (0, 24)}


def depot_open(depot: str) -> bool:
    start, end = OPENING_HOURS.get(depot, OPENING_HOURS["default"])
    return start <= datetime.now().hour < end


def depot_codes() -> list:  # wfcheck: deterministic
    return [line.strip() for line in _DEPOTS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
