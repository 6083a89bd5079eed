"""The command line: `wfcheck check`, `wfcheck rule` and `wfcheck --version`, shaped as Ruff's.

Exit codes: 0 when clean, 1 with findings (syntax errors and files that cannot be read or
decoded count, as in Ruff), 2 for a usage error, a configuration error, a path named on the
command line that does not exist, a file that cannot be written, or a bug of wfcheck met while
checking a file (reported, and the other files are still checked).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wfcheck import __version__
from wfcheck.cache import CACHE_FOLDER, ResultCache
from wfcheck.config import (
    ConfigError,
    ConfigFinder,
    ProjectConfig,
    load_config,
)
from wfcheck.discovery import Exclusions, discover
from wfcheck.docs import rule_markdown
from wfcheck.engine import FileReport, InternalError, check_source
from wfcheck.fixing import FixResult, RejectedFix
from wfcheck.noqa import add_noqa_directives
from wfcheck.output import (
    HUMAN_FORMATS,
    OUTPUT_FORMATS,
    RENDERERS,
    CheckedFile,
    Finding,
    FixTally,
    RenderOptions,
    check_summary,
    diff_summary,
    display_path,
    fix_summary,
    io_finding,
    rule_finding,
    statistics,
    syntax_finding,
)
from wfcheck.project.layout import checked_folders
from wfcheck.rules import ALL_RULES, RULES_BY_CODE
from wfcheck.runner import Job, Outcome, run_jobs
from wfcheck.settings import RuleSelection, Settings, SettingsError
from wfcheck.source import InputError, SourceFile, SourceText, decode_source_file, read_source_file
from wfcheck.writing import write_source

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
STDIN = "-"
PANIC_REQUEST = (
    "This indicates a bug in wfcheck: the other files were checked. Please report it on "
    "wfcheck's issue tracker with the file's contents, your [tool.wfcheck] settings and the "
    "message above."
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        _check_flags(parser, args)
        return _check(args)
    if args.command == "rule":
        return _rule(args, parser)
    parser.print_help()
    return EXIT_ERROR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wfcheck", description="Finds Upstash Workflow replay mistakes in Python code."
    )
    parser.add_argument("--version", action="version", version=f"wfcheck {__version__}")
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("check", help="Check files and folders.")
    check.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH", help="Files, folders, or - for stdin."
    )
    _add_check_options(check)
    rule = commands.add_parser("rule", help="Show the documentation of a rule.")
    rule.add_argument("code", nargs="?", metavar="CODE")
    rule.add_argument("--all", action="store_true", help="Show every rule.")
    return parser


_FLAGS = (
    ("--fix", "Apply the safe fixes (with --unsafe-fixes, the unsafe ones too)."),
    ("--unsafe-fixes", "Include the unsafe fixes: in --fix, --diff and the fixable counts."),
    ("--diff", "Print the diff that --fix would make, and write nothing."),
    ("--show-fixes", "With --fix, list the findings that were fixed."),
    ("--exit-non-zero-on-fix", "Exit with 1 when --fix changed a file, even if all is fixed."),
    ("--exit-zero", "Exit with 0 even when there are findings."),
    ("--statistics", "Print a count per rule instead of the findings."),
    ("--no-cache", f"Neither read nor write the cache ({CACHE_FOLDER})."),
    ("--force-exclude", "Apply the exclusions also to the paths given on the command line."),
    ("--add-noqa", "Add `# noqa: CODE` comments to the lines with findings."),
)


def _add_check_options(check: argparse.ArgumentParser) -> None:
    for flag, help_text in _FLAGS:
        check.add_argument(flag, action="store_true", help=help_text)
    check.add_argument("-q", "--quiet", action="store_true", help="Print the findings only.")
    for flag, help_text in (
        ("--select", "Rule codes or prefixes to enable, instead of the configured ones."),
        ("--extend-select", "Rule codes or prefixes to enable in addition."),
        ("--ignore", "Rule codes or prefixes to disable."),
    ):
        check.add_argument(flag, type=_code_list, metavar="CODES", help=help_text)
    check.add_argument(
        "--output-format", choices=OUTPUT_FORMATS, help="How to print the findings (full)."
    )
    check.add_argument("--config", type=Path, metavar="PATH", help="Use this configuration file.")
    check.add_argument(
        "--stdin-filename", metavar="PATH", help="The name of the file read from stdin (-)."
    )


def _check_flags(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.add_noqa and (args.fix or args.diff):
        parser.error("--add-noqa cannot be used with --fix or --diff")
    if args.add_noqa and STDIN in args.paths:
        parser.error("--add-noqa cannot be used with standard input (-)")
    if STDIN in args.paths and len(args.paths) > 1:
        parser.error("standard input (-) cannot be checked together with other paths")


def _code_list(value: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


@dataclass
class Run:
    """The state of one `wfcheck check`: what was found, fixed and went wrong."""

    args: argparse.Namespace
    config_for: Callable[[Path], ProjectConfig]
    root: ProjectConfig
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    panics: list[tuple[str, InternalError]] = field(default_factory=list)
    tally: FixTally = field(default_factory=FixTally)
    diffs: list[str] = field(default_factory=list)
    noqa_added: int = 0
    stdin_output: bool = False  # `check --fix -`: the fixed text goes to stdout
    fixed_stdin: str = ""

    @property
    def output_format(self) -> str:
        return self.args.output_format or self.root.output_format or "full"

    @property
    def fixing(self) -> bool:
        return bool(self.args.fix or self.args.diff)

    def options(self) -> RenderOptions:
        show_status = not self.fixing and not self.args.add_noqa
        return RenderOptions(self.args.unsafe_fixes, show_status, self.root.docs_url)


def _check(args: argparse.Namespace) -> int:
    try:
        run = _start(args)
        _validate_cli_selection(args)
        if args.statistics and run.output_format not in (*HUMAN_FORMATS, "json"):
            raise SettingsError(f"--statistics cannot be printed as {run.output_format}")
        if args.paths == [STDIN]:
            _check_stdin(run)
        else:
            _check_paths(run)
    except (ConfigError, SettingsError) as error:
        print(f"wfcheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    return _finish(run)


def _start(args: argparse.Namespace) -> Run:
    if args.config is not None:
        fixed = load_config(args.config)
        return Run(args, lambda _folder: fixed, fixed)
    finder = ConfigFinder()
    default = ProjectConfig(Path.cwd() / "pyproject.toml")

    def config_for(folder: Path) -> ProjectConfig:
        return finder.find(folder) or default

    return Run(args, config_for, config_for(Path.cwd()))


def _validate_cli_selection(args: argparse.Namespace) -> None:
    RuleSelection(
        select=args.select or (), ignore=args.ignore or (), extend_select=args.extend_select or ()
    ).validate(RULES_BY_CODE)


def _settings(run: Run, path: Path) -> Settings:
    """The file's configured settings, with the command line's selection on top (Ruff's
    layering: `--select` replaces the configured selection, the others add to it)."""
    settings = run.config_for(path.parent).settings_for(path)
    args = run.args
    return settings.with_selection_overrides(
        select=args.select, ignore=args.ignore or (), extend_select=args.extend_select or ()
    )


def _check_paths(run: Run) -> None:
    args = run.args
    force_exclude = args.force_exclude or run.root.force_exclude
    discovered = discover(args.paths, run.config_for, force_exclude=force_exclude)
    run.errors.extend(discovered.errors)
    if not discovered.files and not discovered.errors:
        print("warning: No Python files found under the given path(s)", file=sys.stderr)
    sources: list[tuple[Path, SourceFile]] = []
    for path in discovered.files:
        try:
            sources.append((path, read_source_file(path)))
        except InputError as error:
            _unreadable(run, str(path), error)
    jobs = [_job(run, path, source) for path, source in sources]
    cache = None if args.no_cache else ResultCache(run.root.root / CACHE_FOLDER)
    outcomes = run_jobs(jobs, cache)
    for (path, source), outcome in zip(sources, outcomes, strict=True):
        _take(run, path, source, outcome)
    problem = cache.save() if cache else None
    if problem:
        print(f"wfcheck: warning: cannot write the cache: {problem}", file=sys.stderr)


def _unreadable(run: Run, name: str, error: InputError) -> None:
    """A file that cannot be read or decoded is a finding, as in Ruff; the rest is checked."""
    file = CheckedFile(os.path.abspath(name), display_path(name), SourceText(""))
    run.findings.append(io_finding(file, error.reason))


def _job(run: Run, path: Path, source: SourceFile) -> Job:
    settings = _settings(run, path)
    in_project = str(path) != STDIN  # stdin with --stdin-filename names its place too
    return Job(
        source.text,
        source.data,
        settings,
        str(path),
        run.fixing,
        run.args.unsafe_fixes,
        in_project=in_project,
        checked=checked_folders(tuple(run.args.paths)),
    )


def _take(run: Run, path: Path, source: SourceFile, outcome: Outcome) -> None:
    """Record one file's outcome: write its fixes (or keep their diff), keep its findings."""
    display = display_path(str(path))
    text, report = source.text, outcome.report
    if report.internal_error is not None:
        run.panics.append((display, report.internal_error))
    if outcome.fixing is not None:
        text, report = _apply_fixing(run, path, source, outcome.fixing)
    if run.args.add_noqa:
        _add_noqa(run, path, source, report)
    else:
        _collect(run, CheckedFile(os.path.abspath(path), display, SourceText(text)), report)


def _apply_fixing(
    run: Run, path: Path, source: SourceFile, fixing: FixResult
) -> tuple[str, FileReport]:
    """The text and findings to show: the fixed ones, or the original's when the fixed file
    could not be written (it is left as it was)."""
    display = display_path(str(path))
    _report_rejected(display, fixing.rejected)
    if not fixing.fixed:
        return source.text, fixing.report
    if run.args.diff:
        run.diffs.append(_unified_diff(display, source.text, fixing.text))
    elif run.stdin_output:
        run.fixed_stdin = fixing.text
    else:
        try:
            write_source(path, fixing.text, source.encoding)
        except InputError as error:
            run.errors.append(error)
            job = _job(run, path, source)
            return source.text, check_source(
                source.text, job.settings, filename=job.filename, project=job.project
            )
    run.tally.add(display, fixing.fixed)
    return fixing.text, fixing.report


def _collect(run: Run, file: CheckedFile, report: FileReport) -> None:
    if report.analysis_error is not None:
        run.errors.append(InputError(file.display, report.analysis_error))
        return
    if report.syntax_error is not None:
        run.findings.append(syntax_finding(file, report.syntax_error))
    run.findings.extend(rule_finding(file, d) for d in report.diagnostics)


def _report_rejected(display: str, rejected: Sequence[RejectedFix]) -> None:
    for item in rejected:
        print(
            f"wfcheck: warning: {display}:{item.line}:{item.column + 1}: the fix of {item.code} "
            f"({item.title}) was not applied: the result does not compile ({item.reason})",
            file=sys.stderr,
        )


def _unified_diff(display: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), display, display
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _add_noqa(run: Run, path: Path, source: SourceFile, report: FileReport) -> None:
    if report.syntax_error is not None or report.analysis_error is not None:
        return
    text, added = add_noqa_directives(SourceText(source.text), report.diagnostics)
    if not added:
        return
    try:
        compile(text, str(path), "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        reason = f"cannot add noqa directives: the result does not compile ({error})"
        run.errors.append(InputError(str(path), reason))
        return
    try:
        write_source(path, text, source.encoding)
    except InputError as error:
        run.errors.append(error)
        return
    run.noqa_added += added


def _check_stdin(run: Run) -> None:
    """`wfcheck check -`: with --fix, the fixed text goes to stdout and the findings to
    stderr, as Ruff does."""
    name = run.args.stdin_filename
    path = Path(name or STDIN)
    run.stdin_output = run.args.fix and not run.args.diff
    try:
        source = decode_source_file(sys.stdin.buffer.read(), name or "<stdin>")
    except InputError as error:
        _unreadable(run, name or STDIN, error)
        return
    run.fixed_stdin = source.text
    force_exclude = run.args.force_exclude or run.root.force_exclude
    if name and force_exclude and Exclusions(run.config_for).excluded_with_parents(path):
        return
    outcome = run_jobs([_job(run, path, source)], None)[0]
    display = display_path(name) if name else STDIN
    text, report = source.text, outcome.report
    if report.internal_error is not None:
        run.panics.append((display, report.internal_error))
    if outcome.fixing is not None:
        text, report = _apply_fixing(run, path, source, outcome.fixing)
    absolute = os.path.abspath(name) if name else STDIN
    _collect(run, CheckedFile(absolute, display, SourceText(text)), report)


def _finish(run: Run) -> int:
    run.findings.sort(key=Finding.sort_key)
    if run.stdin_output:
        sys.stdout.write(run.fixed_stdin)
    out = sys.stderr if run.stdin_output else sys.stdout
    out.write(_report_text(run))
    if run.args.add_noqa:
        noun = "directive" if run.noqa_added == 1 else "directives"
        print(f"Added {run.noqa_added} noqa {noun}.", file=sys.stderr)
    for error in run.errors:
        print(f"wfcheck: error: {error}", file=sys.stderr)
    for display, internal in run.panics:
        print(f"wfcheck: error: panicked while checking {display}: {internal}", file=sys.stderr)
    if run.panics:
        print(PANIC_REQUEST, file=sys.stderr)
    return _exit_code(run)


def _report_text(run: Run) -> str:
    args, options = run.args, run.options()
    human = run.output_format in HUMAN_FORMATS and not args.quiet
    if args.add_noqa:
        return ""
    if args.diff:
        diffs = "".join(diff + "\n" for diff in run.diffs)
        return diffs + (diff_summary(run.tally.total, run.findings, options) if human else "")
    if args.statistics:
        table = statistics(run.findings, options, as_json=run.output_format == "json")
        summary = check_summary(run.findings, run.tally.total, options)
        return table + (summary if human and run.findings else "")
    text = RENDERERS[run.output_format](run.findings, options)
    if human:
        if args.show_fixes and run.tally.total:
            text += fix_summary(run.tally)
        text += check_summary(run.findings, run.tally.total, options)
    return text


def _exit_code(run: Run) -> int:
    args = run.args
    if run.errors or run.panics:
        return EXIT_ERROR
    if args.exit_zero or args.add_noqa:
        return EXIT_CLEAN
    if args.diff:
        return EXIT_FINDINGS if run.tally.total else EXIT_CLEAN
    if run.findings or (args.exit_non_zero_on_fix and run.tally.total):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _rule(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.all:
        rules = list(ALL_RULES)
    elif args.code and args.code.upper() in RULES_BY_CODE:
        rules = [RULES_BY_CODE[args.code.upper()]]
    else:
        known = ", ".join(RULES_BY_CODE)
        problem = f"unknown rule {args.code!r}" if args.code else "give a rule code or --all"
        parser.error(f"{problem} (rules: {known})")
    print("\n".join(rule_markdown(rule) for rule in rules), end="")
    return EXIT_CLEAN
