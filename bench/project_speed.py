"""Following imports across a project: summaries, checks, the command line and the language
server on a generated application of many modules, from one run.

    .venv/bin/python bench/project_speed.py            # 2,000 modules, about two minutes
    .venv/bin/python bench/project_speed.py --quick    # 300 modules, fewer rounds and edits

The project is written to a temporary folder by `generate_project.py` (seeded: a FastAPI
application whose route modules import `serve` from `app/main.py` and call helpers of
services, clients, repositories and utilities, in chains of two to four modules, with a few
import cycles), and deleted afterwards. Four measures, each printed as a ratio:

  in process   over the time of `ast.parse` of every module's text (the texts are read
               before timing; the index reads them from memory):
               - index cold: `ProjectIndex.summary` of every module, on a fresh index;
               - check, project: `check_source(..., project=index)` of every module with one
                 index shared by the pass, its summaries built on demand (cold), then the
                 same pass again with the summaries it left (warm);
               - check, single file: `check_source` without a project, for comparison.
               Whole passes are timed, interleaved over `--repeat` rounds (the order reversed
               every other round), and each keeps its minimum; an untimed collection runs
               before each pass, and the collector stays on while it runs.
  command line `python -m wfcheck check ROOT --statistics`: with `--no-cache` (cold), then
               with the cache emptied (the run fills it) and again (warm); then after the
               server part's helper (below) is edited to return `0.0`, and after it is
               restored (each re-checks the modules whose results used its summary);
               `flake8 --select UWF -qq --count ROOT` with `--wfcheck-no-cache`, then with
               the cache emptied (its workers keep the summaries they make) and again (each
               worker takes the kept summaries); next to `ruff check --no-cache --statistics
               ROOT` (its default rules) as a reference; new processes, all cores, minimum
               of `--cli-rounds` rounds.
  server       `python -m wfcheck_lsp`: opens the route module whose first route calls a
               services helper that returns `time.time()` outside a step, and that helper's
               module; then edits the helper (`time.time()` <-> `0.0`) and times each edit's
               didChange to the route's next publishDiagnostics (its findings go and come
               back), then types in the route module itself and times each didChange to the
               diagnostics of that version, for reference.

No timing is asserted; internal errors of the engine are listed.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import gc
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))  # the other bench scripts, when run as `python bench/...`

from generate_project import (  # noqa: E402
    DEFAULT_MODULES,
    DEFAULT_SEED,
    MINIMUM_MODULES,
    generate_project,
)
from lsp_latency import (  # noqa: E402
    SERVER_COMMAND,
    Measurement,
    _time,
    print_heading,
)

from wfcheck import __version__  # noqa: E402
from wfcheck.engine import FileReport, check_source, may_use_workflows  # noqa: E402
from wfcheck.project.index import ProjectIndex  # noqa: E402
from wfcheck.project.layout import ProjectLayout  # noqa: E402
from wfcheck.settings import DetectionSettings, Settings  # noqa: E402

QUICK_MODULES = 300
REPEAT, QUICK_REPEAT = 3, 2
CLI_ROUNDS, QUICK_CLI_ROUNDS = 2, 1
EDITS, QUICK_EDITS = 20, 10
WAIT_SECONDS = 120.0  # for one publication, before the server part gives up
CACHE_FOLDER = ".wfcheck_cache"
# `(current_user_stamp() -> app/services/user/verify_entry.py:75 time.time)`
DIRECT_CLOCK = re.compile(r"\(\w+\(\) -> (app/[\w/]+\.py):(\d+) time\.time\)")


@dataclass
class Project:
    root: Path
    paths: list[Path]
    texts: dict[Path, str]

    @property
    def lines(self) -> int:
        return sum(text.count("\n") for text in self.texts.values())

    def display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def new_index(self) -> ProjectIndex:
        """A fresh index of the project, reading the texts from memory."""
        return ProjectIndex(ProjectLayout(self.root), DetectionSettings(), self.texts.get)


@dataclass
class Pass:
    seconds: float
    reports: list[FileReport] = field(default_factory=list)
    summarized: int | None = None  # modules summarised, for the index passes

    @property
    def findings(self) -> int:
        return sum(len(report.diagnostics) for report in self.reports)

    def errors(self, paths: list[Path]) -> list[str]:
        found = []
        for path, report in zip(paths, self.reports, strict=True):
            if report.internal_error is not None:
                error = report.internal_error
                found.append(f"{path}: {error.kind}: {error.message} ({error.where})")
            elif report.analysis_error is not None:
                found.append(f"{path}: {report.analysis_error}")
        return found


# --------------------------------------------------------------------------------------------
# In process


def parse_pass(project: Project) -> dict[str, Pass]:
    start = time.perf_counter()
    for path in project.paths:
        ast.parse(project.texts[path])
    return {"parse": Pass(time.perf_counter() - start)}


def index_pass(project: Project) -> dict[str, Pass]:
    start = time.perf_counter()
    index = project.new_index()
    for path in project.paths:
        index.summary(path)
    return {"index": Pass(time.perf_counter() - start, summarized=len(project.paths))}


def table_pass(project: Project) -> dict[str, Pass]:
    """The summary table `wfcheck check` builds for the project (`runner._levels`): the
    modules that the files which may hold workflow code import, level by level."""
    settings = Settings()
    start = time.perf_counter()
    index = project.new_index()
    texts = {
        path: text
        for path, text in project.texts.items()
        if may_use_workflows(text, settings) or index.view(path).may_hold_workflow_code(text)
    }
    known = {str(path): text for path, text in project.texts.items()}
    levels = index.import_levels(texts, known)
    for level in levels:
        for path in level:
            index.summary(path)
    summarized = sum(len(level) for level in levels)
    return {"table": Pass(time.perf_counter() - start, summarized=summarized)}


def check_pass(project: Project, index: ProjectIndex | None) -> Pass:
    settings = Settings()
    start = time.perf_counter()
    reports = [
        check_source(project.texts[path], settings, filename=str(path), project=index)
        for path in project.paths
    ]
    return Pass(time.perf_counter() - start, reports)


def project_passes(project: Project) -> dict[str, Pass]:
    index = project.new_index()
    cold = check_pass(project, index)
    gc.collect()
    return {"cold": cold, "warm": check_pass(project, index)}


def single_pass(project: Project) -> dict[str, Pass]:
    return {"single": check_pass(project, None)}


def measure_in_process(project: Project, repeat: int) -> dict[str, Pass]:
    """Each pass's best time over the rounds, with the reports of its first round."""
    passes: list[Callable[[Project], dict[str, Pass]]] = [
        parse_pass,
        index_pass,
        table_pass,
        project_passes,
        single_pass,
    ]
    best: dict[str, Pass] = {}
    for number in range(repeat):
        for run in passes if number % 2 == 0 else reversed(passes):
            gc.collect()
            for name, result in run(project).items():
                if name not in best:
                    best[name] = result
                elif result.seconds < best[name].seconds:
                    best[name].seconds = result.seconds
            if sys.stderr.isatty():
                print(f"  round {number + 1}/{repeat}: {run.__name__}", end="\r", file=sys.stderr)
    if sys.stderr.isatty():
        print(" " * 60, end="\r", file=sys.stderr)
    return best


def print_in_process(project: Project, best: dict[str, Pass], repeat: int) -> None:
    parse = best["parse"].seconds
    print_heading(
        f"in process (min of {repeat} interleaved rounds; ratio = seconds / parse seconds)",
        f"{'pass':<38}{'seconds':>9}{'ratio':>8}{'findings':>10}{'errors':>8}{'summaries':>11}",
    )
    rows = (
        ("ast.parse of every module", "parse"),
        ("index cold: summary of every module", "index"),
        ("index cold: the run's summary table", "table"),
        ("check, project (cold index)", "cold"),
        ("check, project (warm index)", "warm"),
        ("check, single file (no project)", "single"),
    )
    for label, name in rows:
        result = best[name]
        counts = ""
        if result.reports:
            counts = f"{result.findings:>10}{len(result.errors(project.paths)):>8}"
        elif result.summarized is not None:
            counts = f"{'':>18}{result.summarized:>11}"
        print(f"{label:<38}{result.seconds:>9.2f}{result.seconds / parse:>8.2f}{counts}")
    cold = best["cold"]
    used = [len(report.dependencies) for report in cold.reports]
    routes = [
        len(report.dependencies)
        for path, report in zip(project.paths, cold.reports, strict=True)
        if "/routes/" in path.as_posix() and path.name != "__init__.py"
    ]
    print(
        f"summaries used per checked module: mean {statistics.fmean(used):.1f}"
        f" (route modules {statistics.fmean(routes):.1f}), "
        f"{sum(1 for n in used if n)} of {len(used)} modules used one"
    )
    for name in ("cold", "single"):
        for error in best[name].errors(project.paths)[:10]:
            print(f"  {name}: {error}")


# --------------------------------------------------------------------------------------------
# Command line


@dataclass
class Run:
    seconds: float = float("inf")
    findings: int | None = None
    failure: str | None = None


def run_command(command: list[str], cwd: Path, best: Run) -> None:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        best.failure = f"exit {result.returncode}: {result.stderr.strip()[-500:]}"
        return
    found = re.search(r"Found (\d+) error|^(\d+)$", result.stdout, re.M)  # wfcheck's, flake8's
    best.findings = int(found.group(1) or found.group(2)) if found else 0
    best.seconds = min(best.seconds, seconds)
    if "panicked" in result.stderr:
        best.failure = result.stderr.strip()[-500:]


def ruff_executable() -> str | None:
    found = shutil.which("ruff")
    local = Path(sys.executable).parent / "ruff"
    return found or (str(local) if local.is_file() else None)


def measure_cli(project: Project, rounds: int, target: Target | None) -> dict[str, Run]:
    root = project.root
    wfcheck = [sys.executable, "-m", "wfcheck", "check", str(root), "--statistics"]
    ruff = ruff_executable()
    flake8 = [sys.executable, "-m", "flake8", "--select", "UWF", "-qq", "--count", str(root)]
    names = ("cold", "fill", "warm", "edit", "undo", "flake8", "flake8 fill", "flake8 kept")
    runs = {name: Run() for name in (*names, "ruff")}
    for _ in range(rounds):
        shutil.rmtree(root / CACHE_FOLDER, ignore_errors=True)
        run_command([*flake8, "--wfcheck-no-cache"], root, runs["flake8"])
        run_command(flake8, root, runs["flake8 fill"])
        run_command(flake8, root, runs["flake8 kept"])
        shutil.rmtree(root / CACHE_FOLDER, ignore_errors=True)
        run_command([*wfcheck, "--no-cache"], root, runs["cold"])
        run_command(wfcheck, root, runs["fill"])
        run_command(wfcheck, root, runs["warm"])
        if target is not None:  # the helper's summary changes, and back
            original = project.texts[target.helper]
            lines = original.splitlines(keepends=True)
            lines[target.line] = lines[target.line].replace("time.time()", "0.0")
            target.helper.write_text("".join(lines), encoding="utf-8")
            run_command(wfcheck, root, runs["edit"])
            target.helper.write_text(original, encoding="utf-8")
            run_command(wfcheck, root, runs["undo"])
        if ruff is not None:
            run_command(
                [ruff, "check", "--no-cache", "--statistics", str(root)], root, runs["ruff"]
            )
    shutil.rmtree(root / CACHE_FOLDER, ignore_errors=True)
    shutil.rmtree(root / ".ruff_cache", ignore_errors=True)
    if ruff is None:
        runs["ruff"].failure = "ruff is neither on PATH nor beside this Python"
    return runs


def print_cli(runs: dict[str, Run], rounds: int) -> None:
    print_heading(
        f"command line (new processes, {os.cpu_count()} cores, min of {rounds} rounds)",
        f"{'command':<44}{'seconds':>9}{'findings':>10}",
    )
    rows = (
        ("wfcheck check --statistics --no-cache", "cold"),
        ("wfcheck check --statistics (fills cache)", "fill"),
        ("wfcheck check --statistics (warm cache)", "warm"),
        ("  after the helper stops reading the clock", "edit"),
        ("  after it reads the clock again", "undo"),
        ("flake8 --select UWF --wfcheck-no-cache", "flake8"),
        ("flake8 --select UWF (keeps summaries)", "flake8 fill"),
        ("flake8 --select UWF (kept summaries)", "flake8 kept"),
        ("ruff check --no-cache --statistics", "ruff"),
    )
    for label, name in rows:
        run = runs[name]
        if name in ("edit", "undo") and run.findings is None and run.failure is None:
            continue  # no helper to edit
        if run.findings is None:
            print(f"{label:<44}{'-':>9}{'-':>10}  {run.failure}")
            continue
        print(f"{label:<44}{run.seconds:>9.2f}{run.findings:>10}")
        if run.failure:
            print(f"  {run.failure}")
    cold, ruff = runs["cold"].seconds, runs["ruff"].seconds
    ratios = [f"fill / cold {runs['fill'].seconds / cold:.2f}"]
    ratios.append(f"warm / cold {runs['warm'].seconds / cold:.2f}")
    flake8 = runs["flake8"].seconds
    ratios.append(f"flake8 kept / flake8 {runs['flake8 kept'].seconds / flake8:.2f}")
    if runs["ruff"].findings is not None:
        ratios.append(f"cold / ruff {cold / ruff:.1f}")
    print("; ".join(ratios))


# --------------------------------------------------------------------------------------------
# Language server


@dataclass
class Target:
    """The route module whose call of a clock-reading helper the server part edits."""

    route: Path
    helper: Path
    line: int  # 0-based line of `return time.time()` in the helper
    column: int


def find_target(project: Project, reports: list[FileReport]) -> Target | None:
    for path, report in zip(project.paths, reports, strict=True):
        if "/routes/" not in path.as_posix():
            continue
        used = {dependency for dependency, _ in report.dependencies}
        for diagnostic in report.diagnostics:
            match = DIRECT_CLOCK.search(diagnostic.message)
            if diagnostic.code != "UWF101" or match is None:
                continue
            helper = project.root / match.group(1)
            line = int(match.group(2)) - 1
            text = project.texts[helper].splitlines()[line]
            if str(helper) in used and text.strip() == "return time.time()":
                return Target(path, helper, line, text.index("time.time()"))
    return None


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


async def publication(
    client: BenchClient, uri: str, after: int, version: int | None = None
) -> types.PublishDiagnosticsParams:
    """The first diagnostics of `uri` (of that version) published after the `after` first."""
    while True:
        for params in client.publications[after:]:
            if params.uri == uri and (version is None or params.version == version):
                return params
        client.arrived.clear()
        await client.arrived.wait()


@dataclass
class ServerResult:
    target: Target
    opened: float  # seconds from the two didOpen to the route's first diagnostics
    helper_edits: Measurement
    route_edits: Measurement
    route_findings: dict[str, set[int]]  # "clock" / "constant" -> route findings seen


async def measure_server(project: Project, target: Target, edits: int) -> ServerResult:
    client = BenchClient()
    await client.start_io(*SERVER_COMMAND)
    root = types.WorkspaceFolder(uri=project.root.as_uri(), name="project")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=root.uri,
            workspace_folders=[root],
        )
    )
    client.initialized(types.InitializedParams())
    try:
        return await _edit_session(client, project, target, edits)
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


class Session:
    """The open route and helper, their texts as the server has them, and an index of this
    process that does the engine's share of each round (timed before the change is sent)."""

    def __init__(self, client: BenchClient, project: Project, target: Target) -> None:
        self.client = client
        self.target = target
        self.texts = dict(project.texts)
        self.index = ProjectIndex(ProjectLayout(project.root), DetectionSettings(), self.texts.get)
        self.settings = Settings()
        self.findings: dict[str, set[int]] = {}  # "clock" / "constant" -> route findings seen

    def engine(self, changed: Path, checked: tuple[Path, ...]) -> None:
        self.index.invalidate(changed)
        for path in checked:
            check_source(self.texts[path], self.settings, filename=str(path), project=self.index)

    async def wait(
        self, uri: str, after: int, version: int | None = None
    ) -> types.PublishDiagnosticsParams:
        return await asyncio.wait_for(publication(self.client, uri, after, version), WAIT_SECONDS)

    async def change(
        self, uri: str, version: int, change: types.TextDocumentContentChangePartial
    ) -> tuple[float, types.PublishDiagnosticsParams]:
        """Seconds from the didChange to the route's next diagnostics (of that version, when
        the route is the document changed), and those diagnostics."""
        route = self.target.route.as_uri()
        identifier = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
        after = len(self.client.publications)
        gc.collect()
        start = time.perf_counter()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(identifier, [change])
        )
        published = await self.wait(route, after, version if uri == route else None)
        seconds = time.perf_counter() - start
        await self.wait(uri, after, version)  # the changed document's own, if not yet there
        return seconds, published


async def _edit_session(
    client: BenchClient, project: Project, target: Target, edits: int
) -> ServerResult:
    session = Session(client, project, target)
    texts = session.texts
    route_uri, helper_uri = target.route.as_uri(), target.helper.as_uri()
    started = time.perf_counter()
    for uri, path in ((helper_uri, target.helper), (route_uri, target.route)):
        item = types.TextDocumentItem(uri=uri, language_id="python", version=1, text=texts[path])
        client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    first = await session.wait(route_uri, 0)
    opened = time.perf_counter() - started
    await session.wait(helper_uri, 0)
    return ServerResult(
        target,
        opened,
        await _helper_edits(session, edits, len(first.diagnostics)),
        await _route_edits(session, edits),
        session.findings,
    )


async def _helper_edits(session: Session, edits: int, findings: int) -> Measurement:
    """`time.time()` <-> `0.0` in the helper, and the route's diagnostics each time."""
    target, texts = session.target, session.texts
    both = (target.helper, target.route)
    session.engine(target.helper, both)  # the index warm, as the server's is
    rounds = Measurement(0, findings, [], [], [])
    session.findings = {"clock": {findings}, "constant": set()}
    for number in range(edits):
        constant = number % 2 == 0
        old, new = ("time.time()", "0.0") if constant else ("0.0", "time.time()")
        lines = texts[target.helper].split("\n")
        line = lines[target.line]
        lines[target.line] = line[: target.column] + new + line[target.column + len(old) :]
        texts[target.helper] = "\n".join(lines)
        rounds.parses.append(
            _time(ast.parse, texts[target.helper]) + _time(ast.parse, texts[target.route])
        )
        rounds.engines.append(_time(lambda _: session.engine(target.helper, both), ""))
        start_at = types.Position(line=target.line, character=target.column)
        end_at = types.Position(line=target.line, character=target.column + len(old))
        change = types.TextDocumentContentChangePartial(types.Range(start_at, end_at), new)
        seconds, published = await session.change(target.helper.as_uri(), number + 2, change)
        rounds.latencies.append(seconds)
        session.findings["constant" if constant else "clock"].add(len(published.diagnostics))
    return rounds


async def _route_edits(session: Session, edits: int) -> Measurement:
    """One character typed at the end of the route module, and its diagnostics each time."""
    route, texts = session.target.route, session.texts
    rounds = Measurement(0, 0, [], [], [])
    end_line = texts[route].count("\n")
    end_column = len(texts[route].rsplit("\n", 1)[-1])
    for number in range(edits):
        at = types.Position(line=end_line, character=end_column + number)
        typed = "#" if end_column + number == 0 else "x"
        change = types.TextDocumentContentChangePartial(types.Range(at, at), typed)
        texts[route] += typed
        rounds.parses.append(_time(ast.parse, texts[route]))
        rounds.engines.append(_time(lambda _: session.engine(route, (route,)), ""))
        seconds, published = await session.change(route.as_uri(), number + 2, change)
        rounds.latencies.append(seconds)
        rounds.findings = len(published.diagnostics)
    return rounds


def print_server(project: Project, result: ServerResult) -> None:
    target = result.target
    route_lines = project.texts[target.route].count("\n")
    helper_lines = project.texts[target.helper].count("\n")
    print(
        f"server (python -m wfcheck_lsp): {project.display(target.route)} ({route_lines} lines)"
        f" calls the helper of {project.display(target.helper)} ({helper_lines} lines) line "
        f"{target.line + 1} outside a step"
    )
    print_heading(
        f"didOpen of both to the route's first diagnostics: {result.opened * 1e3:.0f} ms",
        f"{'edit, then wait for':<34}{'edits':>6}{'parse ms':>10}{'engine ms':>11}"
        f"{'p50 ms':>9}{'p95 ms':>9}{'p50/parse':>11}{'p95/parse':>11}",
    )
    rows = (
        ("helper: the route's diagnostics", result.helper_edits),
        ("route: its own diagnostics", result.route_edits),
    )
    for label, m in rows:
        print(
            f"{label:<34}{len(m.latencies):>6}{m.parse * 1e3:>10.1f}{m.engine * 1e3:>11.1f}"
            f"{m.median * 1e3:>9.1f}{m.p95 * 1e3:>9.1f}{m.median / m.parse:>11.2f}"
            f"{m.p95 / m.parse:>11.2f}"
        )
    seen = result.route_findings
    print(
        f"route findings seen: {sorted(seen['clock'])} while the helper reads the clock, "
        f"{sorted(seen['constant'])} while it returns a constant"
    )


# --------------------------------------------------------------------------------------------


def load(root: Path, modules: int, seed: int) -> Project:
    paths = generate_project(root, modules, seed)
    texts = {path: path.read_text(encoding="utf-8") for path in paths}
    return Project(root, paths, texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", type=int, help=f"modules ({DEFAULT_MODULES}; quick 300)")
    parser.add_argument("--quick", action="store_true", help="a smaller project, fewer rounds")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, help=f"in-process rounds ({REPEAT}; quick 2)")
    parser.add_argument("--cli-rounds", type=int, help=f"command-line rounds ({CLI_ROUNDS})")
    parser.add_argument("--edits", type=int, help=f"server edits of each kind ({EDITS})")
    args = parser.parse_args(argv)
    quick = args.quick
    modules = args.modules or (QUICK_MODULES if quick else DEFAULT_MODULES)
    repeat = args.repeat or (QUICK_REPEAT if quick else REPEAT)
    cli_rounds = args.cli_rounds or (QUICK_CLI_ROUNDS if quick else CLI_ROUNDS)
    edits = args.edits or (QUICK_EDITS if quick else EDITS)
    if modules < MINIMUM_MODULES:
        parser.error(f"--modules: at least {MINIMUM_MODULES}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="wfcheck-project-") as temporary:
        project = load(Path(temporary).resolve(), modules, args.seed)
        gc.collect()
        gc.freeze()  # the texts and the loaded modules are never collected again
        print(
            f"wfcheck {__version__}, Python {sys.version.split()[0]}: a project of "
            f"{len(project.paths)} modules, {project.lines} lines (generate_project.py, "
            f"seed {args.seed})"
        )
        print()
        best = measure_in_process(project, repeat)
        print_in_process(project, best, repeat)
        print()
        target = find_target(project, best["cold"].reports)
        print_cli(measure_cli(project, cli_rounds, target), cli_rounds)
        print()
        if target is None:
            print("server: no route calls a helper returning time.time() outside a step")
        else:
            try:
                result = asyncio.run(measure_server(project, target, edits))
            except TimeoutError:
                print(f"server: no diagnostics within {WAIT_SECONDS:.0f} s; stopped")
            else:
                print_server(project, result)
    print(f"\n({time.perf_counter() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
