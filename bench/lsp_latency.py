"""The language server's latency: from a `didChange` to the diagnostics of that version.

    .venv/bin/python bench/lsp_latency.py            # 1,000, 5,000 and 20,000 lines
    .venv/bin/python bench/lsp_latency.py --quick    # fewer rounds, for a smoke run

For each size the script starts `python -m wfcheck_lsp` as a client without pull support
would (so diagnostics are pushed, in UTF-16), opens one generated workflow module of that
size (`generate_workflows.generate_long_module`, seeded), and then, round after round, types
one character at the end of the file (an incremental change, as editors send) and waits for
the `publishDiagnostics` of that version. The latency of a round is the time from sending the
change to receiving its diagnostics: the reading of the message, applying the change, the
analysis, the conversion to LSP and the writing of the answer, all included.

Between rounds the script times `ast.parse` of the same text in this process, so that the
latency can be read as a multiple of the parse time, as `engine_speed.py` reads the engine's
time: the aim is a median latency within 1.5 times the parse time. It also times the engine
itself (`check_source`, garbage collector on, as the command line runs it) on that text in
this process. No timing is asserted.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import gc
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

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


class BenchClient(LanguageClient):
    """Keeps the latest published version and wakes whoever waits for it."""

    def __init__(self) -> None:
        super().__init__("wfcheck-lsp-bench", __version__)
        self.published: dict[int, int] = {}  # version -> findings
        # Every publication in the order it arrived (project_speed.py waits for one document's).
        self.publications: list[types.PublishDiagnosticsParams] = []
        self.arrived = asyncio.Event()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: types.PublishDiagnosticsParams) -> None:
            self.publications.append(params)
            if params.version is not None:
                self.published[params.version] = len(params.diagnostics)
            self.arrived.set()

    async def findings_of(self, version: int) -> int:
        while version not in self.published:
            self.arrived.clear()
            await self.arrived.wait()
        return self.published[version]


async def measure(lines: int, rounds: int, seed: int) -> Measurement:
    text = generate_long_module(lines, seed)
    client = BenchClient()
    await client.start_io(*SERVER_COMMAND)
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    item = types.TextDocumentItem(uri=URI, language_id="python", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    findings = await client.findings_of(1)
    end_line = text.count("\n")
    end_column = len(text.rsplit("\n", 1)[-1])
    latencies, parses, engines = [], [], []
    for version in range(2, rounds + 2):
        parses.append(_time(ast.parse, text))
        engines.append(_time(check_source, text))
        change = _typing(end_line, end_column + version - 2)
        identifier = types.VersionedTextDocumentIdentifier(uri=URI, version=version)
        gc.collect()
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(identifier, [change]))
        await client.findings_of(version)
        latencies.append(time.perf_counter() - started)
        text += "#" if version == 2 else "x"
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return Measurement(text.count("\n") + 1, findings, latencies, parses, engines)


def _typing(line: int, column: int) -> types.TextDocumentContentChangePartial:
    """One character typed at the end of the text: a comment `#x...` on the last line."""
    at = types.Position(line=line, character=column)
    text = "#" if column == 0 else "x"
    return types.TextDocumentContentChangePartial(range=types.Range(at, at), text=text)


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


def report(measurements: list[Measurement], rounds: int) -> None:
    print_heading(
        f"wfcheck-lsp {__version__}, Python {sys.version.split()[0]}, {rounds} rounds per size",
        f"{'lines':>7} {'findings':>8} {'parse ms':>9} {'engine ms':>10} {'median ms':>10}"
        f" {'p95 ms':>8} {'median/parse':>13} {'p95/parse':>10}",
    )
    for m in measurements:
        print(
            f"{m.lines:>7} {m.findings:>8} {m.parse * 1e3:>9.1f} {m.engine * 1e3:>10.1f}"
            f" {m.median * 1e3:>10.1f}"
            f" {m.p95 * 1e3:>8.1f} {m.median / m.parse:>13.2f} {m.p95 / m.parse:>10.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ROUNDS} rounds per size")
    parser.add_argument("--rounds", type=int, default=None, help=f"rounds per size ({ROUNDS})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    rounds = args.rounds or (QUICK_ROUNDS if args.quick else ROUNDS)
    measurements = [asyncio.run(measure(lines, rounds, args.seed)) for lines in SIZES]
    report(measurements, rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
