"""The language server's latency, beside Ruff's server: from a `didChange` to the
diagnostics of that version.

    .venv/bin/python bench/lsp_latency.py            # every file, size, edit and mode
    .venv/bin/python bench/lsp_latency.py --quick    # fewer rounds, for a smoke run
    .venv/bin/python bench/lsp_latency.py --files dense --sizes 5000 --modes pull --edits typed

Files, each generated at 1,000, 5,000 and 20,000 lines (seeded, `generate_workflows.py`):
  workflows  generated workflow modules one after the other (`generate_long_module`)
  dense      a FastAPI module that is routes of five step calls each, every 11 lines, after
             its business functions; nothing to report (`generate_dense_module`)
  mixed      workflow modules taking turns with as much ordinary code (dataclasses, pure
             functions, repository classes) (`generate_mixed_module`)

For each file, size, edit and mode the script starts `python -m wfcheck_lsp` and then
`ruff server`, and drives both through the same minimal JSON-RPC client (no pygls on the
client side: it parses every server's answers alike). It opens the module, then, round after
round, makes one edit as an editor sends it (an incremental `didChange`) and waits for the
diagnostics of that version. Edits, each in its own rounds:
  typed     one character typed at the end of a line inside a function in the middle of the
            module (a comment, so that the file stays valid)
  newline   a line break typed at the end of that line, then removed in the next round (the
            lines below it move)
  appended  one character typed on a comment line at the end of the module
  route     a new route of one step added at the end of the module (a new module-level
            function, registered on the module's last `serve`)
Modes:
  push      the client announces no pull support; the latency ends at the
            `publishDiagnostics` of that version
  pull      the client announces `textDocument/diagnostic` and sends that request right
            after each change; the latency ends at its answer
The latency of a round is the time from sending the change to receiving its diagnostics: the
reading of the message, applying the change, the analysis, the conversion to LSP and the
writing of the answer, all included. Printed per file, size, edit and mode: each server's
median and 95th percentile, and wfcheck's median over Ruff's.

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

from generate_workflows import (  # noqa: E402
    DEFAULT_SEED,
    generate_dense_module,
    generate_long_module,
    generate_mixed_module,
)

from wfcheck import __version__  # noqa: E402
from wfcheck.engine import check_source  # noqa: E402

SIZES = (1_000, 5_000, 20_000)
FILES: dict[str, Callable[[int, int], str]] = {
    "workflows": generate_long_module,
    "dense": generate_dense_module,
    "mixed": generate_mixed_module,
}
EDITS = ("typed", "newline", "appended", "route")
MODES = ("push", "pull")
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

    async def pulled(self, uri: str) -> int:
        """The findings of a `textDocument/diagnostic` request."""
        answer = await self.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        return len(answer["items"])

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
    """What one round changes: `typed` and `appended` type a character at a line's end (the
    first round a comment opening, ` #`, the next ones `x`); `newline` breaks the line after
    that line's end, and the next round joins them again (every line below moves); `route`
    adds a route at the end of the module."""

    name: str
    line: int
    column: int

    def change(self, version: int, text: str) -> tuple[dict[str, object], str]:
        """The round's `didChange` content change, and the text after it."""
        lines = text.split("\n")
        if self.name == "newline":
            return self._line_break(version, lines)
        if self.name == "route":
            line, column = len(lines) - 1, len(lines[-1])
            added = (
                f'\n\n@serve.post("/api/bench/added-{version}")\n'
                f"async def bench_added_{version}(context):\n"
                f'    await context.run("step", lambda: {version})\n'
            )
        else:
            first = version == 2
            line, column = self.line, len(lines[self.line])
            added = " #" if first else "x"
        lines[line] += added
        at = {"line": line, "character": column}
        return {"range": {"start": at, "end": at}, "text": added}, "\n".join(lines)

    def _line_break(self, version: int, lines: list[str]) -> tuple[dict[str, object], str]:
        """A line break added at the line's end in one round, removed in the next."""
        end = {"line": self.line, "character": len(lines[self.line])}
        if version % 2 == 0:
            lines.insert(self.line + 1, "")
            return {"range": {"start": end, "end": end}, "text": "\n"}, "\n".join(lines)
        del lines[self.line + 1]
        below = {"line": self.line + 1, "character": 0}
        return {"range": {"start": end, "end": below}, "text": ""}, "\n".join(lines)


def edits_of(text: str, names: Sequence[str] = EDITS) -> list[Edit]:
    lines = text.split("\n")
    middle = len(lines) // 2
    # a line of a function's body: nested deeper where there is one (not a route's first level)
    inside = next(
        number
        for indent in (" " * 8, " " * 4)
        for number in range(middle, len(lines))
        if lines[number].startswith(indent)
        and not lines[number].rstrip().endswith(("\\", ",", "(", "[", "{"))
        and '"""' not in lines[number]
        and "#" not in lines[number]
    )
    at = {
        "typed": (inside, len(lines[inside])),
        "newline": (inside, len(lines[inside])),
        "appended": (len(lines) - 1, len(lines[-1])),
    }
    return [Edit(name, *at.get(name, (0, 0))) for name in names]


@dataclass(frozen=True)
class Case:
    file: str
    lines: int
    edit: Edit
    mode: str


async def measure(server: str, text: str, case: Case, rounds: int) -> Measurement:
    """One server's latencies in one case: a new server, the module opened first."""
    client = await RawClient.start(SERVERS[server])
    pull = case.mode == "pull"
    capabilities = {"textDocument": {"diagnostic": {"dynamicRegistration": False}}}
    await client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": Path.cwd().as_uri(),
            "capabilities": capabilities if pull else {},
            "workspaceFolders": None,
        },
    )
    client.notify("initialized", {})
    item = {"uri": URI, "languageId": "python", "version": 1, "text": text}
    client.notify("textDocument/didOpen", {"textDocument": item})
    findings = await (client.pulled(URI) if pull else client.findings_of(URI, 1))
    latencies, parses, engines = [], [], []
    edited = text
    for version in range(2, rounds + 2):
        if server == "wfcheck":
            parses.append(_time(ast.parse, edited))
            engines.append(_time(check_source, edited))
        change, edited = case.edit.change(version, edited)
        document = {"uri": URI, "version": version}
        gc.collect()
        started = time.perf_counter()
        client.notify(
            "textDocument/didChange", {"textDocument": document, "contentChanges": [change]}
        )
        await (client.pulled(URI) if pull else client.findings_of(URI, version))
        latencies.append(time.perf_counter() - started)
    await client.stop()
    return Measurement(text.count("\n") + 1, findings, latencies, parses, engines)


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


def report(results: dict[Case, dict[str, Measurement]], rounds: int) -> None:
    print_heading(
        f"wfcheck-lsp {__version__} beside ruff server, Python {sys.version.split()[0]},"
        f" {rounds} rounds per case",
        f"{'file':>9} {'lines':>6} {'edit':>8} {'mode':>4} {'found':>5} {'parse ms':>8}"
        f" {'engine ms':>9} {'wfcheck p50':>11} {'p95':>6} {'ruff p50':>8} {'p95':>6}"
        f" {'p50 ratio':>9}",
    )
    for case, measured in results.items():
        ours, ruff = measured["wfcheck"], measured["ruff"]
        print(
            f"{case.file:>9} {ours.lines:>6} {case.edit.name:>8} {case.mode:>4}"
            f" {ours.findings:>5} {ours.parse * 1e3:>8.1f} {ours.engine * 1e3:>9.1f}"
            f" {ours.median * 1e3:>11.1f} {ours.p95 * 1e3:>6.1f} {ruff.median * 1e3:>8.1f}"
            f" {ruff.p95 * 1e3:>6.1f} {ours.median / ruff.median:>9.2f}"
        )


async def measure_all(  # noqa: PLR0917 (the command line's choices)
    rounds: int,
    seed: int,
    files: Sequence[str],
    sizes: Sequence[int],
    modes: Sequence[str],
    edits: Sequence[str],
) -> dict[Case, dict[str, Measurement]]:
    results: dict[Case, dict[str, Measurement]] = {}
    for file in files:
        for lines in sizes:
            text = FILES[file](lines, seed)
            for edit in edits_of(text, edits):
                for mode in modes:
                    case = Case(file, lines, edit, mode)
                    results[case] = {
                        server: await measure(server, text, case, rounds) for server in SERVERS
                    }
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROUNDS} rounds per size")
    parser.add_argument("--rounds", type=int, default=None, help=f"rounds per size ({ROUNDS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--files", nargs="+", choices=FILES, default=list(FILES))
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--edits", nargs="+", choices=EDITS, default=list(EDITS))
    args = parser.parse_args(argv)
    rounds = args.rounds or (QUICK_ROUNDS if args.quick else ROUNDS)
    measured = measure_all(rounds, args.seed, args.files, args.sizes, args.modes, args.edits)
    report(asyncio.run(measured), rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
