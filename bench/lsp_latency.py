"""The language server's latency, beside Ruff's server: from a `didChange` to the
diagnostics of that version.

    .venv/bin/python bench/lsp_latency.py            # 1,000, 5,000 and 20,000 lines
    .venv/bin/python bench/lsp_latency.py --quick    # fewer rounds, for a smoke run

For each size the script opens one generated workflow module of that size
(`generate_workflows.generate_long_module`, seeded) in `python -m wfcheck_lsp` and in
`ruff server`, one after the other, through the same minimal JSON-RPC client (no pygls on the
client side: it parses every server's answers alike). The client announces no pull support,
so both push their diagnostics. Then, round after round, it makes one edit as an editor sends
it (an incremental `didChange`) and waits for the `publishDiagnostics` of that version. Two
edits, each in its own rounds:
  typed     one character typed at the end of a line inside a function in the middle of the
            module (a comment, so that the file stays valid)
  appended  one character typed on a comment line at the end of the module
The latency of a round is the time from sending the change to receiving its diagnostics: the
reading of the message, applying the change, the analysis, the conversion to LSP and the
writing of the answer, all included. Printed per size and edit: each server's median and 95th
percentile, and wfcheck's median over Ruff's.

Between rounds the script also times `ast.parse` of the same text in this process and the
engine itself (`check_source`), so that wfcheck's latency can be read as a multiple of the
parse time, as `engine_speed.py` reads the engine's time. No timing is asserted.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # generate_workflows, when run as `python bench/lsp_latency.py`

from generate_workflows import DEFAULT_SEED, generate_long_module  # noqa: E402

from wfcheck import __version__  # noqa: E402
from wfcheck.engine import check_source  # noqa: E402

SIZES = (1_000, 5_000, 20_000)
ROUNDS = 21
QUICK_ROUNDS = 5
SERVER_COMMAND = (sys.executable, "-m", "wfcheck_lsp")
URI = "file:///bench/workflows.py"


@dataclass
class Measurement:
    lines: int
    findings: int
    latencies: list[float]
    parses: list[float]
    engines: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p95(self) -> float:
        """The 95th percentile (nearest rank)."""
        ordered = sorted(self.latencies)
        return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]

    @property
    def parse(self) -> float:
        return statistics.median(self.parses)

    @property
    def engine(self) -> float:
        return statistics.median(self.engines)


class RawClient:
    """A language client of a few lines over a server's standard input and output: requests,
    notifications, and the diagnostics the server publishes; the server's own requests
    (configuration, registrations, progress) get an empty answer."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.next_id = 0
        self.answers: dict[int, asyncio.Future[Any]] = {}
        self.published: dict[tuple[str, int | None], int] = {}  # (uri, version) -> findings
        self.arrived = asyncio.Event()
        self.reader = asyncio.create_task(self._read())

    @classmethod
    async def start(cls, command: Sequence[str]) -> RawClient:
        process = await asyncio.create_subprocess_exec(
            *command,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
        )
        return cls(process)

    def notify(self, method: str, params: object) -> None:
        self._write({"jsonrpc": "2.0", "method": method, "params": params})

    async def request(self, method: str, params: object) -> Any:
        self.next_id += 1
        answer = self.answers[self.next_id] = asyncio.get_running_loop().create_future()
        self._write({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return await answer

    async def findings_of(self, uri: str, version: int) -> int:
        while (uri, version) not in self.published:
            self.arrived.clear()
            await self.arrived.wait()
        return self.published[uri, version]

    async def stop(self) -> None:
        await self.request("shutdown", None)
        self.notify("exit", None)
        await self.process.wait()
        self.reader.cancel()

    def _write(self, message: dict[str, object]) -> None:
        body = json.dumps(message).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    async def _read(self) -> None:
        assert self.process.stdout is not None
        stream = self.process.stdout
        while True:
            length = 0
            while (line := await stream.readline()).strip():
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not length:
                return  # the server has exited
            self._received(json.loads(await stream.readexactly(length)))

    def _received(self, message: dict[str, Any]) -> None:
        if "method" not in message:
            self.answers.pop(message["id"]).set_result(message.get("result"))
        elif "id" in message:  # a request of the server's
            self._write({"jsonrpc": "2.0", "id": message["id"], "result": None})
        elif message["method"] == "textDocument/publishDiagnostics":
            params = message["params"]
            key = (params["uri"], params.get("version"))
            self.published[key] = len(params["diagnostics"])
            self.arrived.set()


# The servers compared, by the command that starts them.
SERVERS = {"wfcheck": SERVER_COMMAND, "ruff": (sys.executable, "-m", "ruff", "server")}


@dataclass(frozen=True)
class Edit:
    """Where one round types its character: a line's end, and the first text typed there
    (a comment opening), the next rounds typing `x`."""

    name: str
    line: int
    column: int


def edits_of(text: str) -> list[Edit]:
    lines = text.split("\n")
    middle = len(lines) // 2
    inside = next(
        number
        for number in range(middle, len(lines))
        if lines[number].startswith("        ")
        and not lines[number].rstrip().endswith(("\\", ","))
        and '"""' not in lines[number]
        and "#" not in lines[number]
    )
    return [
        Edit("typed", inside, len(lines[inside])),
        Edit("appended", len(lines) - 1, len(lines[-1])),
    ]


async def measure(server: str, text: str, edit: Edit, rounds: int) -> Measurement:
    """One server's latencies on one edit: a new server per edit, the module opened first."""
    client = await RawClient.start(SERVERS[server])
    root = Path.cwd().as_uri()
    await client.request(
        "initialize",
        {"processId": None, "rootUri": root, "capabilities": {}, "workspaceFolders": None},
    )
    client.notify("initialized", {})
    item = {"uri": URI, "languageId": "python", "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": item})
    findings = await client.findings_of(URI, 1)
    latencies, parses, engines = [], [], []
    edited = text
    for version in range(2, rounds + 2):
        if server == "wfcheck":
            parses.append(_time(ast.parse, edited))
            engines.append(_time(check_source, edited))
        change = _typing(edit.line, edit.column + version - 2, first=version == 2)
        document = {"uri": URI, "version": version}
        gc.collect()
        started = time.perf_counter()
        client.notify(
            "textDocument/didChange", {"textDocument": document, "contentChanges": [change]}
        )
        await client.findings_of(URI, version)
        latencies.append(time.perf_counter() - started)
        edited = _applied(edited, edit, version)
    await client.stop()
    return Measurement(text.count("\n") + 1, findings, latencies, parses, engines)


def _applied(text: str, edit: Edit, version: int) -> str:
    lines = text.split("\n")
    lines[edit.line] += " #" if version == 2 else "x"
    return "\n".join(lines)


def _typing(line: int, column: int, *, first: bool) -> dict[str, object]:
    """One character typed at a line's end: the first round opens a comment (` #`), the next
    ones type `x` after it."""
    column = column if first else column + 1
    at = {"line": line, "character": column}
    return {"range": {"start": at, "end": at}, "text": " #" if first else "x"}


def _time(function: Callable[[str], object], text: str) -> float:
    gc.collect()
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def print_heading(title: str, header: str) -> None:
    """A table's title line, its column header and a rule under that (project_speed.py's
    tables too)."""
    print(title)
    print(header)
    print("-" * len(header))


def report(results: dict[tuple[int, str], dict[str, Measurement]], rounds: int) -> None:
    print_heading(
        f"wfcheck-lsp {__version__} beside ruff server, Python {sys.version.split()[0]},"
        f" {rounds} rounds per size and edit, diagnostics pushed",
        f"{'lines':>7} {'edit':>9} {'findings':>8} {'parse ms':>9} {'engine ms':>10}"
        f" {'wfcheck p50':>12} {'p95':>7} {'ruff p50':>9} {'p95':>7} {'p50 ratio':>10}",
    )
    for (_, edit), measured in results.items():
        ours, ruff = measured["wfcheck"], measured["ruff"]
        print(
            f"{ours.lines:>7} {edit:>9} {ours.findings:>8} {ours.parse * 1e3:>9.1f}"
            f" {ours.engine * 1e3:>10.1f} {ours.median * 1e3:>12.1f} {ours.p95 * 1e3:>7.1f}"
            f" {ruff.median * 1e3:>9.1f} {ruff.p95 * 1e3:>7.1f} {ours.median / ruff.median:>10.2f}"
        )


async def measure_all(rounds: int, seed: int) -> dict[tuple[int, str], dict[str, Measurement]]:
    results: dict[tuple[int, str], dict[str, Measurement]] = {}
    for lines in SIZES:
        text = generate_long_module(lines, seed)
        for edit in edits_of(text):
            results[lines, edit.name] = {
                server: await measure(server, text, edit, rounds) for server in SERVERS
            }
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROUNDS} rounds per size")
    parser.add_argument("--rounds", type=int, default=None, help=f"rounds per size ({ROUNDS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    rounds = args.rounds or (QUICK_ROUNDS if args.quick else ROUNDS)
    report(asyncio.run(measure_all(rounds, args.seed)), rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
