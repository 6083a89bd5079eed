"""The output formats of `wfcheck check`, in Ruff's shapes.

Every format renders the same list of Findings: rule diagnostics and the problems of files
that cannot be checked: syntax errors and files that cannot be read or decoded (codes
`invalid-syntax` and `io-error` in machine formats as Ruff reports them, no URL;
`SyntaxError:` and `io-error:` before the message in text formats). Lines are
1-based everywhere; columns are the 0-based character columns of the diagnostic model plus
one, as Ruff prints them.
Severities map onto each format's levels: SARIF `level` note/warning/error, GitLab `severity`
info/minor/major, GitHub `notice`/`warning`/`error`, Azure `warning`/`error`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wfcheck import __version__
from wfcheck.diagnostics import (
    Applicability,
    Diagnostic,
    Edit,
    Fix,
    Position,
    Range,
    RelatedLocation,
    Severity,
)
from wfcheck.docs import PROJECT_URL, rule_url
from wfcheck.engine import SyntaxIssue
from wfcheck.fixes import apply_edits
from wfcheck.fixing import applies
from wfcheck.line_diff import hunks
from wfcheck.noqa import noqa_line_map
from wfcheck.rules import RULES_BY_CODE
from wfcheck.source import SourceText, read_source_if_readable

PROGRAM = "wfcheck"
SYNTAX_ERROR = "invalid-syntax"
IO_ERROR = "io-error"
# What text formats print before the message of a file's problem (for syntax errors, Ruff's
# label before 0.12).
FILE_PROBLEM_LABELS = {SYNTAX_ERROR: "SyntaxError", IO_ERROR: IO_ERROR}
EXCERPT_CONTEXT = 2
DIFF_CONTEXT = 1
UNSAFE_NOTE = "note: This is an unsafe fix and may change runtime behavior"
DISPLAY_ONLY_NOTE = "note: This is a display-only fix and is likely to be incorrect"


@dataclass(frozen=True)
class CheckedFile:
    """A checked file as the formats name it: `absolute` in machine formats (as Ruff), and
    `display` (relative to the working folder) in the others."""

    absolute: str
    display: str
    source: SourceText

    @property
    def uri(self) -> str:
        return Path(self.absolute).as_uri() if os.path.isabs(self.absolute) else self.absolute


@dataclass(frozen=True)
class Finding:
    file: CheckedFile
    code: str
    name: str
    message: str
    severity: Severity
    range: Range
    fix: Fix | None = None
    related: tuple[RelatedLocation, ...] = ()

    @property
    def is_file_problem(self) -> bool:
        """A syntax error or an unreadable file: no rule, no URL, no noqa."""
        return self.code in FILE_PROBLEM_LABELS

    @property
    def line(self) -> int:
        return self.range.start.line

    @property
    def column(self) -> int:
        """1-based, as printed."""
        return self.range.start.column + 1

    @property
    def end_column(self) -> int:
        return self.range.end.column + 1

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file.display, self.line, self.column, self.code)


def rule_finding(file: CheckedFile, diagnostic: Diagnostic) -> Finding:
    return Finding(
        file,
        diagnostic.code,
        diagnostic.rule_name,
        diagnostic.message,
        diagnostic.severity,
        diagnostic.range,
        diagnostic.fix,
        diagnostic.related,
    )


def io_finding(file: CheckedFile, reason: str) -> Finding:
    """A file that cannot be read or decoded, reported on its first line."""
    start = Position(1, 0)
    return Finding(file, IO_ERROR, IO_ERROR, reason, Severity.ERROR, Range(start, Position(1, 1)))


def syntax_finding(file: CheckedFile, issue: SyntaxIssue) -> Finding:
    start = Position(issue.line, issue.column)
    text = file.source.line(issue.line)
    end = Position(issue.line, min(issue.column + 1, max(len(text), issue.column)))
    return Finding(
        file, SYNTAX_ERROR, SYNTAX_ERROR, issue.message, Severity.ERROR, Range(start, end)
    )


@dataclass(frozen=True)
class RenderOptions:
    unsafe_fixes: bool = False
    show_fix_status: bool = False  # `[*]` before fixable findings (not under --fix)
    docs_url: str | None = None  # the URL template of the rules' pages

    def fixable(self, finding: Finding) -> bool:
        return finding.fix is not None and applies(finding.fix, unsafe=self.unsafe_fixes)

    def url(self, finding: Finding) -> str | None:
        if finding.is_file_problem:
            return None
        return rule_url(finding.code, finding.name, self.docs_url)


Renderer = Callable[[Sequence[Finding], RenderOptions], str]


# Text formats ------------------------------------------------------------------------------


def _code_and_body(finding: Finding, options: RenderOptions) -> str:
    if finding.is_file_problem:
        return f"{FILE_PROBLEM_LABELS[finding.code]}: {finding.message}"
    star = "[*] " if options.show_fix_status and options.fixable(finding) else ""
    return f"{finding.code} {star}{finding.message}"


def render_concise(findings: Sequence[Finding], options: RenderOptions) -> str:
    return "".join(
        f"{f.file.display}:{f.line}:{f.column}: {_code_and_body(f, options)}\n" for f in findings
    )


def render_grouped(findings: Sequence[Finding], options: RenderOptions) -> str:
    out = []
    for display, group in _by_file(findings, lambda f: f.file.display).items():
        row_width = max(len(str(f.line)) for f in group)
        column_width = max(len(str(f.column)) for f in group)
        out.append(f"{display}:\n")
        for f in group:
            row = f"{f.line:>{row_width}}"
            column = f"{f.column:<{column_width}}"
            out.append(f"  {row}:{column} {_code_and_body(f, options)}\n")
        out.append("\n")
    return "".join(out)


def render_pylint(findings: Sequence[Finding], options: RenderOptions) -> str:
    return "".join(f"{f.file.display}:{f.line}: [{f.code}] {f.message}\n" for f in findings)


def render_azure(findings: Sequence[Finding], options: RenderOptions) -> str:
    return "".join(
        f"##vso[task.logissue type={_azure_level(f.severity)};sourcepath={f.file.absolute};"
        f"linenumber={f.line};columnnumber={f.column};code={f.code};]{f.message}\n"
        for f in findings
    )


def _azure_level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}


def render_github(findings: Sequence[Finding], options: RenderOptions) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    out = []
    for f in findings:
        level = _GITHUB_LEVELS.get(f.severity, "notice")
        where = f"line={f.line},endLine={f.range.end.line}"
        if f.range.start.line == f.range.end.line:
            where = f"line={f.line},col={f.column},endLine={f.line},endColumn={f.end_column}"
        title = _github_property(f"{PROGRAM} ({f.code})")
        file = _github_property(f.file.absolute)
        code = f"{FILE_PROBLEM_LABELS[f.code]}:" if f.is_file_problem else f.code
        body = _github_data(f"{f.file.display}:{f.line}:{f.column}: {code} {f.message}")
        if f.fix is not None:
            body += "%0A  help: " + _github_data(f.fix.title)
        out.append(f"::{level} title={title},file={file},{where}::{body}\n")
    return "".join(out)


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


# The full format: source excerpt, caret, fix ------------------------------------------------


def render_full(findings: Sequence[Finding], options: RenderOptions) -> str:
    out = []
    others: dict[str, CheckedFile] = {}  # the project's other modules that related info shows
    for f in findings:
        out.append(_code_and_body(f, options) + "\n")
        if f.code == IO_ERROR:  # no text to show
            out.append(f" --> {f.file.display}:{f.line}:{f.column}\n\n")
            continue
        out.append(_excerpt(f.file, f.range, EXCERPT_CONTEXT))
        for related in f.related:
            out.append(f"info: {related.message}\n")
            out.append(_excerpt(_related_file(f.file, related, others), related.range, 0))
        if f.fix is not None:
            out.append(f"help: {f.fix.title}\n")
            out.append(_fix_diff(f.file.source, f.fix.edits))
            note = _applicability_note(f.fix.applicability)
            out.append(f"{note}\n" if note else "")
        out.append("\n")
    return "".join(out)


def display_path(path: str) -> str:
    """The path relative to the working folder when inside it, as Ruff shows paths."""
    absolute = os.path.abspath(path)
    prefix = os.getcwd().rstrip(os.sep) + os.sep
    return absolute[len(prefix) :] if absolute.startswith(prefix) else absolute


def _related_file(
    file: CheckedFile, related: RelatedLocation, others: dict[str, CheckedFile]
) -> CheckedFile:
    """The file a related location is in: the finding's, or another module of the project
    (read again, once per output; an empty text if it is gone, and the excerpt shows only the
    path)."""
    path = related.path
    if path is None:
        return file
    if path not in others:
        text = read_source_if_readable(Path(path)) or ""
        others[path] = CheckedFile(path, display_path(path), SourceText(text))
    return others[path]


def _applicability_note(applicability: Applicability) -> str | None:
    if applicability is Applicability.UNSAFE:
        return UNSAFE_NOTE
    if applicability is Applicability.DISPLAY_ONLY:
        return DISPLAY_ONLY_NOTE
    return None


def _excerpt(file: CheckedFile, range_: Range, context: int) -> str:
    """` --> path:line:column`, the lines around the range and a caret line under it."""
    source = file.source
    line = range_.start.line
    first, last = max(1, line - context), min(len(source.lines), line + context)
    while first < line and not source.line(first).strip():
        first += 1
    while last > line and not source.line(last).strip():
        last -= 1
    width = len(str(last))
    gutter = " " * (width + 1) + "|"
    out = [f"{' ' * width}--> {file.display}:{line}:{range_.start.column + 1}\n", gutter + "\n"]
    for number in range(first, last + 1):
        out.append(_numbered(number, "|", source.line(number), width))
        if number == line:
            out.append(
                f"{gutter} {' ' * range_.start.column}{'^' * _caret_length(range_, source)}\n"
            )
    out.append(gutter + "\n")
    return "".join(out)


def _caret_length(range_: Range, source: SourceText) -> int:
    end = range_.end.column
    if range_.end.line != range_.start.line:
        end = len(source.line(range_.start.line))
    return max(1, end - range_.start.column)


def _numbered(number: int | None, sign: str, text: str, width: int) -> str:
    label = f"{number:>{width}}" if number is not None else " " * width
    return f"{label} {sign} {text}".rstrip() + "\n" if text else f"{label} {sign}\n"


def _fix_diff(source: SourceText, edits: Sequence[Edit]) -> str:
    """The lines the fix changes, with one line of context, numbered as in the fixed file."""
    before = source.lines
    after = SourceText(apply_edits(source, edits)).lines
    groups = hunks(edits, before, after, DIFF_CONTEXT)
    if not groups:
        return ""
    width = len(str(groups[-1][-1].new_end))
    gutter = " " * (width + 1) + "|\n"
    out = [gutter]
    for index, group in enumerate(groups):
        if index:
            out.append("-" * 80 + "\n")
        for lines in group:
            if not lines.changed:
                out.extend(
                    _numbered(j + 1, "|", after[j], width)
                    for j in range(lines.new_start, lines.new_end)
                )
                continue
            out.extend(
                _numbered(None, "-", before[i], width)
                for i in range(lines.old_start, lines.old_end)
            )
            out.extend(
                _numbered(j + 1, "+", after[j], width)
                for j in range(lines.new_start, lines.new_end)
            )
    out.append(gutter)
    return "".join(out)


# Machine formats ---------------------------------------------------------------------------


def _location(position: Position) -> dict[str, int]:
    return {"column": position.column + 1, "row": position.line}


def _json_severity(severity: Severity) -> str:
    return "info" if severity is Severity.INFORMATION else severity.value


def json_object(finding: Finding, options: RenderOptions, noqa_row: int | None) -> dict[str, Any]:
    """One finding in Ruff's JSON shape."""
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.value,
            "edits": [
                {
                    "content": edit.content,
                    "end_location": _location(edit.range.end),
                    "location": _location(edit.range.start),
                }
                for edit in finding.fix.edits
            ],
            "message": finding.fix.title,
        }
    return {
        "cell": None,
        "code": finding.code,
        "end_location": _location(finding.range.end),
        "filename": finding.file.absolute,
        "fix": fix,
        "location": _location(finding.range.start),
        "message": finding.message,
        "name": finding.name,
        "noqa_row": noqa_row,
        "severity": _json_severity(finding.severity),
        "url": options.url(finding),
    }


def _json_objects(findings: Sequence[Finding], options: RenderOptions) -> list[dict[str, Any]]:
    maps: dict[int, dict[int, int]] = {}
    objects = []
    for f in findings:
        noqa_row = None
        if not f.is_file_problem:
            key = id(f.file.source)
            if key not in maps:
                maps[key] = noqa_line_map(f.file.source)
            noqa_row = maps[key].get(f.line, f.line)
        objects.append(json_object(f, options, noqa_row))
    return objects


def _dump(value: Any, *, indent: int | None = 2) -> str:
    separators = (",", ": ") if indent else (",", ":")
    return json.dumps(
        value, indent=indent, sort_keys=True, ensure_ascii=False, separators=separators
    )


def render_json(findings: Sequence[Finding], options: RenderOptions) -> str:
    return _dump(_json_objects(findings, options))


def render_json_lines(findings: Sequence[Finding], options: RenderOptions) -> str:
    return "".join(_dump(item, indent=None) + "\n" for item in _json_objects(findings, options))


_GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def render_gitlab(findings: Sequence[Finding], options: RenderOptions) -> str:
    """GitLab Code Quality (CodeClimate) issues; paths relative to `CI_PROJECT_DIR` when set."""
    project = os.environ.get("CI_PROJECT_DIR")
    seen: set[str] = set()
    issues = []
    for f in findings:
        path = os.path.relpath(f.file.absolute, project) if project else f.file.display
        fingerprint = _fingerprint("", f.code, path)
        while fingerprint in seen:
            fingerprint = _fingerprint(fingerprint, f.code, path)
        seen.add(fingerprint)
        issues.append(
            {
                "check_name": f.code,
                "description": f"{f.code}: {f.message}",
                "severity": _GITLAB_SEVERITIES.get(f.severity, "info"),
                "fingerprint": fingerprint,
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": f.line, "column": f.column},
                        "end": {"line": f.range.end.line, "column": f.end_column},
                    },
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False)


def _fingerprint(salt: str, code: str, path: str) -> str:
    """Stable across runs and line moves (code and path only, as Ruff), made unique by salt."""
    return hashlib.blake2b(f"{salt}\0{code}\0{path}".encode(), digest_size=8).hexdigest()


def render_rdjson(findings: Sequence[Finding], options: RenderOptions) -> str:
    """reviewdog's Diagnostic Format, as Ruff writes it, plus each finding's severity."""
    diagnostics = []
    for f in findings:
        code: dict[str, str] = {"value": f.code}
        url = options.url(f)
        if url:
            code["url"] = url
        item: dict[str, Any] = {
            "code": code,
            "location": {"path": f.file.absolute, "range": _rdjson_range(f.range)},
            "message": f.message,
            "severity": _json_severity(f.severity).upper(),
        }
        if f.fix is not None and f.fix.edits:
            item["suggestions"] = [
                {"range": _rdjson_range(edit.range), "text": edit.content} for edit in f.fix.edits
            ]
        diagnostics.append(item)
    document = {
        "diagnostics": diagnostics,
        "severity": "WARNING",
        "source": {"name": PROGRAM, "url": PROJECT_URL},
    }
    return _dump(document)


def _rdjson_range(range_: Range) -> dict[str, dict[str, int]]:
    return {
        "end": {"column": range_.end.column + 1, "line": range_.end.line},
        "start": {"column": range_.start.column + 1, "line": range_.start.line},
    }


_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}
_SARIF_ORDER = ("note", "warning", "error")  # rules are listed in this order, as Ruff does
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render_sarif(findings: Sequence[Finding], options: RenderOptions) -> str:
    """SARIF 2.1.0, shaped as Ruff's: one run, the rules that have results, their docs."""
    results = [_sarif_result(f) for f in findings]
    levels = {(f.code, _SARIF_LEVELS.get(f.severity, "note")) for f in findings}
    rules = [
        _sarif_rule(code, level, options)
        for code, level in sorted(levels, key=lambda item: (_SARIF_ORDER.index(item[1]), item[0]))
        if code in RULES_BY_CODE
    ]
    document = {
        "$schema": SARIF_SCHEMA,
        "runs": [
            {
                "results": results,
                "tool": {
                    "driver": {
                        "informationUri": PROJECT_URL,
                        "name": PROGRAM,
                        "rules": rules,
                        "version": __version__,
                    }
                },
            }
        ],
        "version": "2.1.0",
    }
    return _dump(document)


def _sarif_region(range_: Range) -> dict[str, int]:
    return {
        "endColumn": range_.end.column + 1,
        "endLine": range_.end.line,
        "startColumn": range_.start.column + 1,
        "startLine": range_.start.line,
    }


def _sarif_result(f: Finding) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if f.fix is not None:
        replacements = []
        for edit in f.fix.edits:
            replacement: dict[str, Any] = {"deletedRegion": _sarif_region(edit.range)}
            if edit.content:
                replacement["insertedContent"] = {"text": edit.content}
            replacements.append(replacement)
        result["fixes"] = [
            {
                "artifactChanges": [
                    {"artifactLocation": {"uri": f.file.uri}, "replacements": replacements}
                ],
                "description": {"text": f.fix.title},
            }
        ]
    result["level"] = _SARIF_LEVELS.get(f.severity, "note")
    result["locations"] = [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": f.file.uri},
                "region": _sarif_region(f.range),
            }
        }
    ]
    result["message"] = {"text": f.message}
    result["ruleId"] = f.code
    return result


def _sarif_rule(code: str, level: str, options: RenderOptions) -> dict[str, Any]:
    rule = RULES_BY_CODE[code]
    summary = {"text": rule.summary()}
    return {
        "defaultConfiguration": {"enabled": True, "level": level},
        "fullDescription": {"text": rule.documentation()},
        "help": summary,
        "helpUri": rule_url(code, rule.name, options.docs_url),
        "id": code,
        "properties": {
            "id": code,
            "kind": PROGRAM,
            "name": rule.name,
            "problem.severity": level,
        },
        "shortDescription": summary,
    }


def render_junit(findings: Sequence[Finding], options: RenderOptions) -> str:
    count = len(findings)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<testsuites name="{PROGRAM}" tests="{max(count, 1)}" skipped="0" '
        f'failures="{count}" errors="0">\n',
    ]
    package = f"org.{PROGRAM}"
    if not findings:
        out.append(
            f'    <testsuite name="{PROGRAM}" tests="1" skipped="0" errors="0" failures="0" '
            f'package="{package}">\n'
            f'        <testcase name="No errors found" classname="{PROGRAM}"/>\n'
            "    </testsuite>\n"
        )
    for absolute, group in sorted(_by_file(findings, lambda f: f.file.absolute).items()):
        name, classname = _xml(absolute), _xml(os.path.splitext(absolute)[0])
        out.append(
            f'    <testsuite name="{name}" tests="{len(group)}" skipped="0" errors="0" '
            f'failures="{len(group)}" package="{package}">\n'
        )
        for f in group:
            message, severity = _xml(f.message), _json_severity(f.severity)
            out.append(
                f'        <testcase name="{package}.{f.code}" classname="{classname}" '
                f'line="{f.line}" column="{f.column}">\n'
                "            <properties>\n"
                f'                <property name="severity" value="{severity}"/>\n'
                "            </properties>\n"
                f'            <failure message="{message}">line {f.line}, col {f.column}, '
                f"{message}</failure>\n"
                "        </testcase>\n"
            )
        out.append("    </testsuite>\n")
    out.append("</testsuites>\n")
    return "".join(out)


_XML_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\n": "&#10;"}
)


def _xml(text: str) -> str:
    return text.translate(_XML_ESCAPES)


def _by_file(
    findings: Iterable[Finding], key: Callable[[Finding], str]
) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        groups[key(finding)].append(finding)
    return groups


RENDERERS: dict[str, Renderer] = {
    "full": render_full,
    "concise": render_concise,
    "grouped": render_grouped,
    "json": render_json,
    "json-lines": render_json_lines,
    "github": render_github,
    "gitlab": render_gitlab,
    "sarif": render_sarif,
    "junit": render_junit,
    "pylint": render_pylint,
    "rdjson": render_rdjson,
    "azure": render_azure,
}
OUTPUT_FORMATS = tuple(RENDERERS)
# The formats that a summary ("Found 2 errors.") follows, as in Ruff.
HUMAN_FORMATS = frozenset({"full", "concise", "grouped"})


# Summaries ---------------------------------------------------------------------------------


@dataclass
class FixTally:
    """What --fix did, per file (display path) and code."""

    by_file: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, display: str, fixed: dict[str, int]) -> None:
        if fixed:
            self.by_file.setdefault(display, Counter()).update(fixed)

    @property
    def total(self) -> int:
        return sum(sum(counts.values()) for counts in self.by_file.values())


def _plural(count: int, noun: str, suffix: str = "s") -> str:
    return f"{count} {noun}{'' if count == 1 else suffix}"


def fix_summary(tally: FixTally) -> str:
    """`--show-fixes`: what was fixed, per file and code, as Ruff prints it."""
    width = max(len(str(n)) for counts in tally.by_file.values() for n in counts.values())
    out = [f"\nFixed {_plural(tally.total, 'error')}:\n"]
    for display in sorted(tally.by_file):
        out.append(f"- {display}:\n")
        for code, count in sorted(tally.by_file[display].items(), key=lambda item: -item[1]):
            name = RULES_BY_CODE[code].name
            out.append(f"    {count:>{width}} \N{MULTIPLICATION SIGN} {code} ({name})\n")
    return "".join(out) + "\n"


def _unapplied_unsafe(findings: Sequence[Finding], options: RenderOptions) -> int:
    return sum(
        1
        for f in findings
        if f.fix is not None
        and f.fix.applicability is Applicability.UNSAFE
        and not options.fixable(f)
    )


def check_summary(findings: Sequence[Finding], fixed: int, options: RenderOptions) -> str:
    """The lines after the findings: the count, and what `--fix` could do about them."""
    remaining = len(findings)
    total = fixed + remaining
    if fixed:
        lines = [f"Found {_plural(total, 'error')} ({fixed} fixed, {remaining} remaining)."]
    elif remaining:
        lines = [f"Found {_plural(remaining, 'error')}."]
    else:
        lines = ["All checks passed!"]
    applicable = sum(1 for f in findings if options.fixable(f))
    hidden = _unapplied_unsafe(findings, options)
    hint = f"{_plural(hidden, 'unsafe fix', 'es')} available with `--fix --unsafe-fixes`"
    if applicable and hidden:
        lines.append(f"[*] {applicable} fixable with `--fix` ({hint}).")
    elif applicable:
        lines.append(f"[*] {applicable} fixable with `--fix`.")
    elif hidden:
        lines.append(f"{hint[0].upper()}{hint[1:]}.")
    return "".join(line + "\n" for line in lines)


def diff_summary(would_fix: int, findings: Sequence[Finding], options: RenderOptions) -> str:
    """The line after `--diff`'s diffs."""
    hidden = _unapplied_unsafe(findings, options)
    more = f"{_plural(hidden, 'fix', 'es')} available with `--unsafe-fixes`"
    if would_fix and hidden:
        additional = f"{_plural(hidden, 'additional fix', 'es')} available with `--unsafe-fixes`"
        return f"Would fix {_plural(would_fix, 'error')} ({additional}).\n"
    if would_fix:
        return f"Would fix {_plural(would_fix, 'error')}.\n"
    if hidden:
        return f"No errors would be fixed ({more}).\n"
    return ""


def statistics(findings: Sequence[Finding], options: RenderOptions, *, as_json: bool) -> str:
    """`--statistics`: a count per code, most frequent first, as Ruff prints it."""
    counts: Counter[str] = Counter(f.code for f in findings)
    fixable: Counter[str] = Counter(f.code for f in findings if options.fixable(f))
    names = {f.code: f.name for f in findings}
    ordered = sorted(counts, key=lambda code: (-counts[code], code))
    if as_json:
        rows = [
            {
                "code": code,
                "name": names[code],
                "count": counts[code],
                "fixable": fixable[code] == counts[code],
                "fixable_count": fixable[code],
            }
            for code in ordered
        ]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if not ordered:
        return ""
    count_width = len(str(max(counts.values())))
    code_width = max(len(code) for code in ordered)
    any_fixable = bool(fixable)
    out = []
    for code in ordered:
        mark = ""
        if any_fixable:
            mark = "[*] " if fixable[code] == counts[code] else "[-] " if fixable[code] else "[ ] "
        out.append(f"{counts[code]:>{count_width}}\t{code:<{code_width}}\t{mark}{names[code]}\n")
    return "".join(out)
