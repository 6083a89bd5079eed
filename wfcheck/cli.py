"""The command line: `wfcheck check` and `wfcheck rule`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from wfcheck import __version__
from wfcheck.discovery import InputError, discover, read_source
from wfcheck.docs import rule_markdown
from wfcheck.engine import FileReport, check_source
from wfcheck.rules import ALL_RULES, RULES_BY_CODE
from wfcheck.settings import RuleSelection, Settings, SettingsError

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
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
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    for flag, help_text in (
        ("--select", "Rule codes or prefixes to enable (default: UWF)."),
        ("--extend-select", "Rule codes or prefixes to enable in addition to --select."),
        ("--ignore", "Rule codes or prefixes to disable."),
    ):
        check.add_argument(flag, type=_code_list, metavar="CODES", help=help_text)
    rule = commands.add_parser("rule", help="Show the documentation of a rule.")
    rule.add_argument("code", nargs="?", metavar="CODE")
    rule.add_argument("--all", action="store_true", help="Show every rule.")
    return parser


def _code_list(value: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def _settings(args: argparse.Namespace) -> Settings:
    default = RuleSelection()
    selection = RuleSelection(
        select=args.select if args.select is not None else default.select,
        ignore=args.ignore or (),
        extend_select=args.extend_select or (),
    )
    selection.validate(RULES_BY_CODE)
    return Settings(selection=selection)


def _check(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
    except SettingsError as error:
        print(f"wfcheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    discovered = discover(args.paths)
    errors = list(discovered.errors)
    findings = 0
    for path in discovered.files:
        try:
            text = read_source(path)
        except InputError as error:
            errors.append(error)
            continue
        report = check_source(text, settings, filename=str(path))
        if report.analysis_error is not None:
            errors.append(InputError(str(path), report.analysis_error))
        findings += _print_report(_display_path(path), report)
    for error in errors:
        print(f"wfcheck: error: {error}", file=sys.stderr)
    if findings:
        noun = "error" if findings == 1 else "errors"
        print(f"Found {findings} {noun}.")
    elif not errors:
        print("All checks passed!")
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings else EXIT_CLEAN


def _print_report(path: str, report: FileReport) -> int:
    if report.syntax_error is not None:
        error = report.syntax_error
        print(f"{path}:{error.line}:{error.column + 1}: SyntaxError: {error.message}")
        return 1
    for diagnostic in report.diagnostics:
        location = f"{path}:{diagnostic.line}:{diagnostic.column + 1}"
        print(f"{location}: {diagnostic.code} {diagnostic.message}")
    return len(report.diagnostics)


def _display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


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
