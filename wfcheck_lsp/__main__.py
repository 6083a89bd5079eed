"""`wfcheck-lsp` and `python -m wfcheck_lsp`: the language server over stdio, or TCP."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from collections.abc import Sequence

from wfcheck import __version__
from wfcheck_lsp.server import create_server

LOG_LEVELS = ("error", "warning", "info", "debug")
# The engine runs in a thread while pygls reads messages in others. Python hands the GIL to a
# waiting thread every 5 ms by default, which slows the reading of the changes typed during an
# analysis to a crawl; at 0.5 ms the server reads them as they come (and skips superseded
# versions), at no cost when no other thread is waiting.
SWITCH_INTERVAL = 0.0005


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _configure_logging(args.log_level)
    sys.setswitchinterval(SWITCH_INTERVAL)
    server = create_server()
    # What is loaded by now lives as long as the server: out of the collector's way, so that
    # the full collections during an analysis do not walk pygls' and lsprotocol's objects.
    gc.freeze()
    if args.tcp:
        server.start_tcp(args.host, args.port)
    else:
        server.start_io()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wfcheck-lsp",
        description="The wfcheck language server: Upstash Workflow replay mistakes, as you type.",
    )
    parser.add_argument("--version", action="version", version=f"wfcheck-lsp {__version__}")
    transport = parser.add_mutually_exclusive_group()
    transport.add_argument(
        "--stdio",
        action="store_true",
        help="Serve over stdio (the default; language clients pass it).",
    )
    transport.add_argument("--tcp", action="store_true", help="Serve over TCP instead of stdio.")
    parser.add_argument("--host", default="127.0.0.1", help="TCP host (default: 127.0.0.1).")
    parser.add_argument("--port", type=int, default=2087, help="TCP port (default: 2087).")
    parser.add_argument(
        "--log-level",
        choices=LOG_LEVELS,
        default="warning",
        help="What the server writes to standard error (default: warning).",
    )
    return parser


class _OneLineFormatter(logging.Formatter):
    """One line per event: the editor's log is no place for tracebacks (use --log-level debug)."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage().splitlines()[0] if record.getMessage() else ""
        return f"wfcheck-lsp {record.levelname.lower()}: {message}"


class _WithoutBenignRaces(logging.Filter):
    """Leaves out pygls' warning for a `$/cancelRequest` of a request already answered: a
    normal race between client and server (VS Code cancels the code actions of a cursor that
    moved on), not something for the editor's log. Shown with --log-level debug."""

    CANCEL_AFTER_ANSWER = 'Cancel notification for unknown message id "%s"'

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg != self.CANCEL_AFTER_ANSWER


def _configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if level != "debug":
        handler.setFormatter(_OneLineFormatter())
        handler.addFilter(_WithoutBenignRaces())
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)


if __name__ == "__main__":
    sys.exit(main())
