# shapes: an operations script in the excluded scripts/ folder (no SDK): sqlite3, the clock and print used freely
import sqlite3
import sys
import time
from datetime import datetime


def main(path: str) -> int:
    started = time.time()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM ledger_cache")
        conn.execute("INSERT INTO ledger_cache SELECT * FROM ledger")
    print(f"rebuilt at {datetime.now():%Y-%m-%d %H:%M} in {time.time() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
