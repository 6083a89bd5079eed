"""Generated and mutated programs, and the invariants every one of them must keep.

Shared by the fuzz tests (tests/fuzz/, marked `fuzz`) and `bench/fuzz.py`, which runs the same
generators at larger counts. Every program is checked with the gate forced open (every module
workflow code, every function with a first parameter a workflow) and every rule enabled, the
opt-in ones too; mutants of the fixtures are also checked with the normal gate. The invariants:

- `check_source` raises nothing and reports no internal error;
- every fix offered, applied alone with the project's own `apply_edits`, gives a text that
  compiles (when the program compiled; else one that still parses, with the same compile
  error or none);
- the `# noqa` edits (the server's "Disable for this line" and `--add-noqa`) keep the text
  compiling the same way;
- `fix_text` (`--fix --unsafe-fixes`, the server's fix-all) raises nothing and rejects no fix.
"""

from __future__ import annotations

import ast
import io
import keyword
import re
import tokenize
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import hypothesmith
from hypothesis import strategies as st

from wfcheck.engine import FileReport, check_source
from wfcheck.fixes import apply_edits
from wfcheck.fixing import fix_text
from wfcheck.model.semantic import SemanticModel
from wfcheck.noqa import add_noqa_directives
from wfcheck.rules import ALL_RULES
from wfcheck.sdk import STEP_METHODS
from wfcheck.settings import DetectionSettings, RuleSelection, Settings
from wfcheck.source import SourceText
from wfcheck_lsp.code_actions import noqa_edit

ROOT = Path(__file__).resolve().parents[2]
CORPUS_FOLDERS = (ROOT / "tests" / "fixtures", ROOT / "examples")

EVERY_RULE = RuleSelection(select=tuple(rule.code for rule in ALL_RULES))
# The gate forced open: every module is workflow code, and every function with a first
# parameter is a workflow whose context is that parameter.
FORCED_OPEN = Settings(selection=EVERY_RULE, detection=DetectionSettings(assume_workflows=True))
# The gate as users have it (the fixtures and examples import the SDK), every rule enabled.
NORMAL_GATE = Settings(selection=EVERY_RULE)


def corpus_files() -> list[Path]:
    """Every file of tests/fixtures/ and examples/ that has a line (the mutation corpus;
    packages' empty `__init__.py` files have nothing to mutate)."""
    return sorted(
        path
        for folder in CORPUS_FOLDERS
        for path in folder.rglob("*.py")
        if path.read_text("utf-8").strip()
    )


# --- The invariants ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """A broken invariant: what broke (`kind`), and the details."""

    kind: str
    detail: str
    # What makes two failures the same bug: the kind, the exception and where it was raised,
    # or the rule and fix that produced code that does not compile.
    signature: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


def compile_error(text: str) -> str | None:
    """None when the text compiles, else Python's message (without the line: fixes move lines).

    The same test as `wfcheck.fixing` makes of a fix's result."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "<fuzz>", "exec", dont_inherit=True)
    except SyntaxError as error:
        return f"SyntaxError: {error.msg}"
    except (ValueError, RecursionError, MemoryError) as error:
        return f"{type(error).__name__}: {error}"
    return None


def parses(text: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _where(error: BaseException) -> str:
    """The innermost frame of wfcheck's code in the traceback: `wfcheck/model/x.py:12`."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if "/wfcheck" in frame.filename.replace("\\", "/")
    ]
    if not frames:
        return "?"
    frame = frames[-1]
    path = frame.filename.replace("\\", "/")
    return f"{path[path.rindex('/wfcheck') + 1 :]}:{frame.lineno}"


def _raised(what: str, error: BaseException) -> Failure:
    detail = f"{type(error).__name__}: {error} (at {_where(error)})"
    return Failure(f"{what} raised", detail, f"{what} {type(error).__name__} {_where(error)}")


class _Validator:
    """Whether an edited text is as good as the original: it compiles when the original did;
    else it parses and fails to compile (if at all) with the original's error, not a new one."""

    def __init__(self, text: str) -> None:
        self.original_error = compile_error(text)

    def problem(self, edited: str) -> str | None:
        error = compile_error(edited)
        if error is None or error == self.original_error:
            return None
        if self.original_error is None:
            return error
        return f"{error} (the original only had {self.original_error})"


def failures(
    text: str,
    settings: Settings = FORCED_OPEN,
    *,
    thorough: bool = True,
    codes: Counter[str] | None = None,
) -> list[Failure]:
    """Every invariant the program breaks (none, normally). Without `thorough`: only the check
    and the fixes one by one (not the `# noqa` edits and `fix_text`). `codes` counts the
    findings, to show that the rules ran."""
    try:
        report = check_source(text, settings)
    except Exception as error:
        return [_raised("check_source", error)]
    if codes is not None:
        codes.update(diagnostic.code for diagnostic in report.diagnostics)
    found = _report_failures("check_source", report)
    if found or report.syntax_error is not None:
        return found
    source = SourceText(text)
    validator = _Validator(text)
    found.extend(_fix_failures(source, report, validator))
    if not thorough:
        return found
    found.extend(_noqa_failures(source, report, validator))
    try:
        result = fix_text(text, settings, unsafe=True, report=report)
    except Exception as error:
        found.append(_raised("fix_text", error))
        return found
    found.extend(_report_failures("fix_text", result.report))
    for rejected in result.rejected:
        found.append(
            Failure(
                "--fix rejected a fix",
                f"{rejected.code} {rejected.title!r} at line {rejected.line}: {rejected.reason}",
                f"--fix rejected {rejected.code} {rejected.title}",
            )
        )
    return found


def _report_failures(what: str, report: FileReport) -> list[Failure]:
    error = report.internal_error
    if error is None:
        return []
    return [
        Failure(
            f"{what} reported an internal error", str(error), f"{what} {error.kind} {error.where}"
        )
    ]


def _fix_failures(source: SourceText, report: FileReport, validator: _Validator) -> list[Failure]:
    found = []
    for diagnostic in report.diagnostics:
        fix = diagnostic.fix
        if fix is None:
            continue
        what = f"{diagnostic.code} {fix.title!r} at line {diagnostic.line}"
        try:
            fixed = apply_edits(source, fix.edits)
        except Exception as error:
            found.append(_raised(f"applying {diagnostic.code}'s fix", error))
            continue
        problem = validator.problem(fixed)
        if problem is not None:
            signature = f"fix of {diagnostic.code} {fix.title}"
            found.append(Failure("a fix breaks the code", f"{what}: {problem}", signature))
    return found


def _noqa_failures(source: SourceText, report: FileReport, validator: _Validator) -> list[Failure]:
    """The server's `# noqa` edit of each finding, and `--add-noqa` over them all. The edits of
    different lines are tried together first (each compile costs a millisecond), one by one
    when that fails."""
    edits = {}
    for diagnostic in report.diagnostics:
        edit = noqa_edit(source, diagnostic.line, diagnostic.code)
        if edit is not None:
            edits.setdefault(edit.range.start.line, (diagnostic, edit))
    found = []
    if edits and validator.problem(apply_edits(source, [edit for _, edit in edits.values()])):
        for diagnostic, edit in edits.values():
            problem = validator.problem(apply_edits(source, [edit]))
            if problem is not None:
                detail = f"{diagnostic.code} at line {diagnostic.line}: {problem}"
                found.append(Failure("a `# noqa` quick fix breaks the code", detail, "noqa_edit"))
    try:
        text, _ = add_noqa_directives(source, report.diagnostics)
    except Exception as error:
        return [*found, _raised("add_noqa_directives", error)]
    problem = validator.problem(text)
    if problem is not None:
        found.append(Failure("--add-noqa breaks the code", problem, "add_noqa_directives"))
    return found


def describe(text: str, found: Sequence[Failure]) -> str:
    """A failure report for a test's assertion message: the program and what broke."""
    lines = "\n".join(f"  {failure}" for failure in found)
    return f"{len(found)} invariant(s) broken:\n{lines}\n--- program ---\n{text}--- end ---"


def reduce(text: str, still_fails: Callable[[str], bool]) -> str:
    """A smaller program that still fails: delta debugging over lines, then over the
    characters of each line that is left (whole tokens first)."""
    lines = text.splitlines(keepends=True)
    chunks = 2
    while len(lines) >= 2:
        size = -(-len(lines) // chunks)
        for start in range(0, len(lines), size):
            candidate = lines[:start] + lines[start + size :]
            if still_fails("".join(candidate)):
                lines = candidate
                chunks = max(chunks - 1, 2)
                break
        else:
            if chunks >= len(lines):
                break
            chunks = min(chunks * 2, len(lines))
    for index in range(len(lines)):
        for pattern in (r"\s*#[^\n]*", r", [^,()]*", r"\w+\.", r"\([^()]*\)", r"\w+"):
            for match in reversed(list(re.finditer(pattern, lines[index]))):
                line = lines[index]
                shorter = line[: match.start()] + line[match.end() :]
                candidate = [*lines[:index], shorter, *lines[index + 1 :]]
                if shorter != line and still_fails("".join(candidate)):
                    lines = candidate
    return "".join(lines)


def same_failure(signatures: set[str], settings: Settings = FORCED_OPEN) -> Callable[[str], bool]:
    """A `reduce` predicate: the program still breaks an invariant the same way."""

    def still_fails(text: str) -> bool:
        return any(failure.signature in signatures for failure in failures(text, settings))

    return still_fails


# --- hypothesmith programs --------------------------------------------------------------------

# Names that mean something to wfcheck, for renaming a generated program's identifiers.
MEANINGFUL_NAMES = (
    "context",
    "ctx",
    *sorted(STEP_METHODS),
    "request_payload",
    "time",
    "random",
    "uuid",
    "datetime",
    "now",
    "uuid4",
    "partial",
    "functools",
    "requests",
    "os",
    "print",
    "logger",
    "serve",
    "post",
    "route",
    "failure_function",
    "WorkflowAbort",
    "AsyncWorkflowContext",
    "WorkflowContext",
)

HEADER = """\
import datetime
import functools
import os
import random
import time
import uuid
from datetime import datetime as now
from functools import partial
from uuid import uuid4

import requests
from fastapi import FastAPI
from upstash_workflow import AsyncWorkflowContext, WorkflowAbort, WorkflowContext, serve
from upstash_workflow.fastapi import Serve

app = FastAPI()
route = Serve(app)
"""

FRAMES = {
    "module": "{program}",
    "async route": (
        '@route.post("/fuzz")\n'
        "async def workflow(context: AsyncWorkflowContext[str]) -> None:\n"
        "{indented}"
    ),
    "sync route": (
        "def workflow(context: WorkflowContext[str]) -> None:\n{indented}serve(workflow)\n"
    ),
    "step": (
        '@route.post("/fuzz")\n'
        "async def workflow(context: AsyncWorkflowContext[str]) -> None:\n"
        "    async def step():\n"
        "{indented2}"
        '    await context.run("fuzz", step)\n'
    ),
}


def identifiers(text: str) -> list[str]:
    """The distinct names of a program (no keyword, soft keyword or `_`), in order of use."""
    return list(dict.fromkeys(token.string for token in _name_tokens(text)))


def _name_tokens(text: str) -> Iterator[tokenize.TokenInfo]:
    reserved = {*keyword.kwlist, *keyword.softkwlist}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.NAME and token.string not in reserved:
                yield token
    except (tokenize.TokenError, SyntaxError):
        return


def rename(text: str, mapping: dict[str, str]) -> str:
    """The program with its names replaced as `mapping` says (by token: strings keep theirs)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    pieces = []
    cursor = 0
    for token in _name_tokens(text):
        if token.string not in mapping:
            continue
        start = starts[token.start[0] - 1] + token.start[1]
        pieces += [text[cursor:start], mapping[token.string]]
        cursor = start + len(token.string)
    renamed = "".join([*pieces, text[cursor:]])
    return renamed if parses(renamed) else text


def frame(program: str, shape: str) -> str:
    """The program after HEADER, at module level or as the body of a route or a step."""
    body = program if program.strip() else "pass\n"
    if not body.endswith("\n"):
        body += "\n"
    indented = "".join(f"    {line}" for line in body.splitlines(keepends=True))
    indented2 = "".join(f"        {line}" for line in body.splitlines(keepends=True))
    framed = HEADER + FRAMES[shape].format(program=body, indented=indented, indented2=indented2)
    return framed if parses(framed) else HEADER + body


# `context` and `run` most often: `a.b(c)` renamed to `context.run(c)` is a step call.
WEIGHTED_NAMES = ("context",) * 6 + ("run",) * 4 + MEANINGFUL_NAMES


@st.composite
def workflow_programs(draw: st.DrawFn, programs: st.SearchStrategy[str]) -> str:
    """A generated program made to look like workflow code: some of its names renamed to
    names that mean something to wfcheck (`context`, `run`, `time`...), then after imports of
    the SDK and of the sources, at module level or as the body of a route or a step; or
    spliced into a workflow of the fixtures or examples, at the start of a function that has
    a context in scope."""
    program = draw(programs)
    mapping = {}
    for name in identifiers(program):
        if draw(st.booleans()):
            mapping[name] = draw(st.sampled_from(WEIGHTED_NAMES))
    program = rename(program, mapping)
    shape = draw(st.sampled_from([*sorted(FRAMES), "spliced"]))
    if shape != "spliced":
        return frame(program, shape)
    mutations = mutations_of(draw(st.sampled_from(splice_targets())))
    line, indent = draw(st.sampled_from(mutations.points[1:]))
    body = program if program.endswith("\n") else program + "\n"
    block = "".join(f"{indent}{text}" for text in body.splitlines(keepends=True))
    spliced = "".join([*mutations.lines[:line], block, *mutations.lines[line:]])
    return spliced if parses(spliced) else frame(program, "module")


@cache
def splice_targets() -> list[Path]:
    """The files of the corpus with a function that has a context in scope."""
    return [path for path in corpus_files() if len(mutations_of(path).points) > 1]


def grammar_programs() -> st.SearchStrategy[str]:
    return hypothesmith.from_grammar()


def node_programs() -> st.SearchStrategy[str]:
    return hypothesmith.from_node()


# --- Mutations of the fixtures and examples ---------------------------------------------------

# Statements that put the context's name (CTX) in every expression position of the grammar.
TEMPLATES = (
    # parameter defaults
    "def _fz(fallback=CTX):\n    return fallback\n_fz()",
    "async def _fz(*, fallback=CTX):\n    return await fallback.run('fz', lambda: 1)\nawait _fz()",
    "def _fz(fallback=CTX, /, *rest, key=CTX.run, **more):\n    return fallback",
    "_fz = lambda fallback=CTX: fallback",
    "def _fz(CTX=CTX):\n    return CTX.run('fz', lambda: 1)\n_fz()",
    # decorators
    "@CTX\ndef _fz():\n    pass",
    "@CTX.run\nasync def _fz():\n    pass",
    "@CTX.run('fz')\ndef _fz():\n    return 1",
    "@(CTX)\nclass _Fz:\n    pass",
    "@_fz(CTX)\n@CTX.sleep\ndef _fz(CTX):\n    return CTX",
    # annotations
    "def _fz(value: CTX) -> CTX:\n    return value",
    "_fz: CTX = CTX",
    "_fz: CTX",
    "CTX: CTX",
    "CTX: int = None",
    "def _fz(*args: CTX, **kwargs: CTX.run) -> None:\n    pass",
    # lambdas
    "_fz = lambda: CTX",
    "_fz = lambda: CTX.run('fz', lambda: CTX)",
    "await CTX.run('fz', lambda CTX=None: CTX)",
    "_fz = (lambda CTX: CTX)(CTX)",
    "await CTX.run('fz', lambda: CTX.run('inner', lambda: 1))",
    "await CTX.run('fz', lambda *a, **k: (a, k, CTX))",
    # comprehensions
    "_fz = [CTX for _ in range(2)]",
    "_fz = [_ for _ in CTX]",
    "_fz = {CTX: CTX for CTX in ()}",
    "_fz = (CTX.run('fz', lambda: 1) for _ in range(2))",
    "_fz = [await CTX.run('fz', lambda: i) for i in range(2)]",
    "_fz = {x async for x in CTX}",
    "_fz = [x for x in range(2) if CTX]",
    "_fz = [CTX for CTX in range(2)]",
    "_fz = [[CTX for _ in CTX] for CTX in CTX]",
    "_fz = {CTX.run(str(i), lambda: i) for i in range(3)}",
    # class bodies
    "class _Fz:\n    attr = CTX\n    other = CTX.run('fz', lambda: 1)",
    "class _Fz(CTX):\n    pass",
    "class _Fz(CTX.run, metaclass=CTX, key=CTX):\n    CTX = CTX",
    "class _Fz:\n    def method(self, fallback=CTX):\n        return CTX\n"
    "    items = [CTX for _ in ()]\n    other = {CTX: _ for _ in CTX}",
    "class _Fz:\n    async def run(self):\n        await CTX.run('fz', lambda: 1)",
    "class _Fz:\n    CTX.run('fz', lambda: 1)\n    del CTX",
    # f-strings
    "_fz = f'{CTX}'",
    "_fz = f'{CTX!r:>{CTX}}'",
    "await CTX.run(f'step-{CTX}', lambda: 1)",
    "_fz = f'{CTX.run(\"fz\", lambda: 1)}'",
    "_fz = f'''{f\"{CTX}\"}'''",
    "_fz = f'{CTX=}'",
    "await CTX.run(f'{time.time()}', lambda: CTX)",
    # match patterns
    "match CTX:\n    case CTX:\n        await CTX.run('fz', lambda: 1)",
    "match _fz:\n    case [CTX, *rest]:\n        pass",
    "match _fz:\n    case {'k': CTX, **rest}:\n        pass",
    "match _fz:\n    case {**CTX}:\n        pass",
    "match _fz:\n    case _Fz(attr=CTX) | _Fz(other=CTX):\n        pass",
    "match _fz:\n    case CTX.value:\n        pass\n    case CTX.run():\n        pass",
    "match _fz:\n    case (1 as CTX):\n        pass",
    "match _fz:\n    case [*CTX]:\n        CTX.run('fz', lambda: 1)",
    "match CTX.run('fz', lambda: 1):\n    case str(CTX) if CTX:\n        pass",
    # global and nonlocal
    "global CTX",
    "nonlocal CTX",
    "def _fz():\n    global CTX\n    CTX = None",
    "def _fz():\n    nonlocal CTX\n    CTX = None\n_fz()",
    "async def _fz():\n    nonlocal CTX\n    await CTX.run('fz', lambda: 1)\nawait _fz()",
    "def _fz():\n    global CTX\n    return CTX.run('fz', lambda: 1)\n_fz()",
    # del
    "del CTX",
    "del CTX.run",
    "del CTX[0], CTX",
    "del (CTX)",
    "del [CTX]",
    "if _fz:\n    del CTX\nawait CTX.run('fz', lambda: 1)",
    "def _fz():\n    del CTX",
    "await CTX.run('fz', lambda: 1)\ndel CTX\nawait CTX.run('fz2', lambda: 2)",
    # walrus
    "(CTX := CTX)",
    "if (_fz := CTX):\n    await _fz.run('fz', lambda: 1)",
    "_fz = [(CTX := x) for x in ()]",
    "while (CTX := None):\n    pass",
    "await (_fz := CTX).run('fz', lambda: _fz)",
    "_fz = [y for x in () if (y := CTX)]",
    # star-args and unpacking
    "_fz(*CTX, **CTX)",
    "await CTX.run(*CTX)",
    "await CTX.run(**CTX)",
    "await CTX.run('fz', *CTX)",
    "await CTX.sleep(*('fz', 1))",
    "*_fz, = CTX",
    "_fz = [*CTX, *CTX.run]",
    "_fz = {**CTX}",
    "def _fz(*CTX, **kwargs):\n    return CTX",
    "def _fz(**CTX):\n    return CTX.run('fz', lambda: 1)",
    "*CTX, _fz = ()",
    "_fz = print(*[CTX])",
    # binding and using the name everywhere else
    "CTX = CTX",
    "CTX = None",
    "CTX += 1",
    "CTX.run = None",
    "CTX[CTX] = CTX",
    "_fz = CTX",
    "for CTX in CTX:\n    await CTX.run('fz', lambda: 1)",
    "async for CTX in CTX:\n    pass",
    "with CTX as CTX:\n    pass",
    "async with CTX as (_fz, CTX):\n    pass",
    "try:\n    await CTX.run('fz', lambda: 1)\nexcept CTX as CTX:\n    pass",
    "try:\n    pass\nexcept* CTX:\n    pass",
    "try:\n    await CTX.run('fz', lambda: 1)\nexcept Exception:\n    pass",
    "import CTX",
    "from CTX import CTX",
    "import os as CTX",
    "from . import CTX",
    "assert CTX, CTX",
    "raise CTX from CTX",
    "return CTX",
    "return await CTX.run('fz', lambda: 1)",
    "yield CTX",
    "_fz = yield from CTX",
    "await CTX",
    "_fz = CTX if CTX else CTX",
    "_fz = CTX[CTX:CTX:CTX]",
    "_fz = not CTX and CTX or -CTX",
    "_fz = CTX.run('fz', CTX.run)",
    "_fz = CTX.run(CTX, lambda: CTX)",
    "await CTX.run(CTX.run('a', lambda: 1), lambda: 1)",
    "await CTX.sleep(CTX, CTX)",
    "await CTX.sleep_until('fz', time.time())",
    "await CTX.call(CTX, url=CTX)",
    "CTX.run('fz', lambda: 1)",
    "await CTX.run('fz', CTX)",
    "await CTX.run('fz', functools.partial(CTX))",
    "await CTX.unknown_method('fz')",
    "_fz = CTX.request_payload",
    "@CTX\n@CTX.run('fz')\nasync def CTX(CTX=CTX):\n    pass",
    "async def CTX():\n    pass",
    "class CTX:\n    pass",
    # suppressions, used and unused (UWF001 and its fix)
    "_fz = time.time()  # noqa: UWF101",
    "_fz = CTX  # noqa: UWF101, UWF105",
    "await CTX.run('fz', lambda: 1)  # noqa",
    "_fz = [CTX,  # noqa: UWF102\n    time.time()]  # noqa:UWF101 UWF103",
    # syntax of newer Pythons (skipped where it does not parse)
    "type CTX = CTX",
    "def _fz[CTX](value: CTX) -> CTX:\n    return value",
)


@dataclass(frozen=True)
class Mutant:
    """One mutation of a file: its kind, where, and the text (None: it does not parse)."""

    kind: str
    where: str
    text: str | None


class Mutations:
    """The mutations of one file's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.tree: ast.Module | None = ast.parse(text)
        except (SyntaxError, ValueError):
            self.tree = None
        self.names = _context_names(text, self.tree)
        self.replaceable = _replaceable_nodes(self.tree, self.names)
        self.points = _insertion_points(self.tree, self.lines, self.names)

    @cached_property
    def listed(self) -> list[tuple[str, int, int]]:
        return self.descriptors()

    def descriptors(self) -> list[tuple[str, int, int]]:
        """Every mutation, as (kind, first index, second index)."""
        found: list[tuple[str, int, int]] = []
        for name in range(len(self.names)):
            found += [("replace", node, name) for node in range(len(self.replaceable))]
            found += [
                ("insert", template, point * len(self.names) + name)
                for template in range(len(TEMPLATES))
                for point in range(len(self.points))
            ]
        for line in range(len(self.lines)):
            found += [("delete", line, 0), ("duplicate", line, 0)]
            found += [("swap", line, line + 1)] if line + 1 < len(self.lines) else []
        return found

    def mutant(self, kind: str, first: int, second: int) -> Mutant:
        if kind == "replace":
            node = self.replaceable[first]
            source = SourceText(self.text)
            segment = source.node_range(node)
            start, end = source.offset(segment.start), source.offset(segment.end)
            name = self.names[second]
            text = self.text[:start] + name + self.text[end:]
            where = f"{type(node).__name__} at line {getattr(node, 'lineno', 0)} -> {name}"
        elif kind == "insert":
            point, name = divmod(second, len(self.names))
            line, indent = self.points[point]
            statement = TEMPLATES[first].replace("CTX", self.names[name])
            block = "".join(f"{indent}{part}\n" for part in statement.split("\n"))
            before = "".join(self.lines[:line])
            if before and not before.endswith(("\n", "\r")):
                before += "\n"
            text = before + block + "".join(self.lines[line:])
            where = f"template {first} before line {line + 1}"
        else:
            lines = list(self.lines)
            if kind == "delete":
                del lines[first]
            elif kind == "duplicate":
                lines.insert(first, lines[first])
            else:
                lines[first], lines[second] = lines[second], lines[first]
            text = "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
            where = f"line {first + 1}" + (f" and {second + 1}" if kind == "swap" else "")
        return Mutant(kind, where, text if parses(text) else None)

    def parsing_mutant(self, kind: str, first: int, second: int, tries: int = 20) -> Mutant:
        """The mutant, or when it does not parse, the first of the next listed ones that does
        (`text` None when none of `tries` does)."""
        listed = self.listed
        try:
            start = listed.index((kind, first, second))
        except ValueError:
            return self.mutant(kind, first, second)
        mutant = self.mutant(kind, first, second)
        for descriptor in listed[start + 1 : start + tries]:
            if mutant.text is not None:
                break
            mutant = self.mutant(*descriptor)
        return mutant

    def strategy(self) -> st.SearchStrategy[tuple[str, int, int]]:
        """Any mutation: the listed ones, and swaps of any two lines."""
        listed = self.listed
        count = len(self.lines)
        swaps = st.tuples(st.just("swap"), st.integers(0, count - 1), st.integers(0, count - 1))
        return st.one_of(st.sampled_from(listed), swaps) if listed else swaps


def _context_names(text: str, tree: ast.Module | None) -> list[str]:
    """The names the file's workflow contexts have (`context` when it has none)."""
    names: set[str] = set()
    if tree is not None:
        try:
            model = SemanticModel(SourceText(text), tree, DetectionSettings())
            names = {unit.context.parameter.arg for unit in model.workflows.units}
        except Exception:  # the original file crashes the model: the fuzz tests report it
            names = set()
    return sorted(names) or ["context"]


_REPLACEABLE = (ast.expr, ast.arg, ast.keyword, ast.alias, ast.pattern)


def _replaceable_nodes(tree: ast.Module | None, names: list[str]) -> list[ast.AST]:
    """Every node with a position that an expression could stand in for, or a name."""
    if tree is None:
        return []
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, _REPLACEABLE)
        and hasattr(node, "lineno")
        and not (isinstance(node, ast.Name) and node.id in names)
    ]


def _insertion_points(
    tree: ast.Module | None, lines: list[str], names: list[str]
) -> list[tuple[int, str]]:
    """Where a statement can go: (0-based line to insert before, indentation): the end of the
    module, and the start of the body of every function and class where a context is in
    scope (its own parameter, or one of a function around it)."""
    points = [(len(lines), "")]
    if tree is None:
        return points

    def visit(node: ast.AST, in_scope: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            parameters = (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
            in_scope = in_scope or any(parameter.arg in names for parameter in parameters)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and in_scope:
            first = node.body[0]
            if first.lineno != node.lineno and first.lineno <= len(lines):
                line = lines[first.lineno - 1]
                points.append((first.lineno - 1, line[: len(line) - len(line.lstrip(" \t"))]))
        for child in ast.iter_child_nodes(node):
            visit(child, in_scope)

    visit(tree, in_scope=False)
    return points


@cache
def mutations_of(path: Path) -> Mutations:
    return Mutations(path.read_text("utf-8"))
