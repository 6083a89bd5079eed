# shapes: argparse CLI without the SDK with `serve` and `run` sub-commands (functions named serve/run), reading the clock and starting a subprocess (no findings)
import argparse
import subprocess
import sys
from datetime import datetime

from jobkit import engine
from jobkit.tasks import BackupTask, VacuumTask, run_all


def serve(args: argparse.Namespace) -> int:
    print(f"[{datetime.now():%H:%M:%S}] serving on :{args.port}")
    return subprocess.call([sys.executable, "-m", "uvicorn", "jobkit.web:app", "--port", str(args.port)])


def run(args: argparse.Namespace) -> int:
    if args.job == "maintenance":
        results = run_all([BackupTask(), VacuumTask()])
        print(results)
        return 0
    result = engine.run(args.job, {"requested_at": datetime.now().isoformat()})
    print(result)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="jobkit")
    sub = parser.add_subparsers(dest="command", required=True)
    p_serve = sub.add_parser("serve")
    p_serve.add_argument("--port", type=int, default=8080)
    p_serve.set_defaults(func=serve)
    p_run = sub.add_parser("run")
    p_run.add_argument("job")
    p_run.set_defaults(func=run)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
