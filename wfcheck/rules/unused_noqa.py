"""## What it does
Checks for `# noqa` directives that name a wfcheck code (`# noqa: UWF101`, or the file-level
`# wfcheck: noqa: UWF101`) which suppresses nothing: no finding with that code is reported
where the directive applies, the rule is not enabled, or the code does not exist.

This is Ruff's `unused-noqa` (RUF100) for wfcheck's codes. With
`[tool.ruff.lint] external = ["UWF"]`, Ruff keeps `# noqa: UWF...` comments but cannot tell
whether they still suppress anything; this rule can. Directives without codes (a bare
`# noqa`) and codes of other tools are left alone, since other tools may need them.

## Why is this bad?
A directive that no longer suppresses anything hides nothing today, but it will silently hide
the next real finding on that line, such as a clock read added later outside a step.

## Example
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    await context.run("step-1", lambda: "one")  # noqa: UWF101
```

Use instead:
```python
@serve.post("/api/example")
async def example(context: AsyncWorkflowContext[str]) -> None:
    await context.run("step-1", lambda: "one")
```

## Fix safety
The fix removes the unused codes from the directive, and the whole directive when no code is
left. It is safe: it only changes a comment.

## Options
The rule is opt-in: enable it with `extend-select = ["UWF001"]` in `[tool.wfcheck]` or
`--extend-select UWF001` on the command line.

## References
- [Ruff: unused-noqa (RUF100)](https://docs.astral.sh/ruff/rules/unused-noqa/)
"""

from __future__ import annotations

import io
import tokenize
from collections.abc import Iterator, Mapping, Sequence

from wfcheck.diagnostics import Applicability, Diagnostic, Edit, Fix, Position, Range, Severity
from wfcheck.model.semantic import SemanticModel
from wfcheck.noqa import Directive, Exemptions, NoqaCode
from wfcheck.rule import FixAvailability, Rule
from wfcheck.settings import Settings
from wfcheck.source import SourceText

OWN_PREFIX = "UWF"


class UnusedNoqa(Rule):
    code = "UWF001"
    name = "unused-noqa"
    severity = Severity.INFORMATION
    fix_availability = FixAvailability.ALWAYS
    fix_applicability = Applicability.SAFE
    opt_in = True

    def check(self, model: SemanticModel) -> Iterator[Diagnostic]:
        """Nothing: this rule looks at the noqa directives once every other rule has run
        (`check_directives`, called by the engine), as Ruff's RUF100 does."""
        return iter(())

    def check_directives(
        self,
        exemptions: Exemptions,
        findings: Sequence[Diagnostic],
        source: SourceText,
        settings: Settings,
        rule_opt_in: Mapping[str, bool],
    ) -> list[Diagnostic]:
        """A finding per directive with codes of ours that suppress none of `findings` (the
        file's findings before noqa filtering). `rule_opt_in` maps every rule code to its
        opt-in flag."""
        candidates = [d for d in exemptions.directives if _own_codes(d)]
        if not candidates:
            return []
        comments = _comment_spans(source)
        diagnostics = []
        for directive in candidates:
            if not _in_comment(directive, comments):
                continue
            reasons = _unused_codes(exemptions, directive, findings, settings, rule_opt_in)
            if reasons:
                diagnostics.append(self._finding(directive, reasons, source))
        return diagnostics

    def _finding(
        self, directive: Directive, reasons: dict[str, list[NoqaCode]], source: SourceText
    ) -> Diagnostic:
        described = "; ".join(
            f"{reason}: " + ", ".join(f"`{item.code}`" for item in items)
            for reason, items in reasons.items()
        )
        line = directive.line
        range_ = _span(line, directive.start, directive.end)
        unused = [item for items in reasons.values() for item in items]
        fix = Fix(
            "Remove unused `noqa` directive",
            (_removal(directive, unused, source),),
            Applicability.SAFE,
        )
        message = f"Unused `noqa` directive ({described})"
        return Diagnostic(self.code, self.name, message, range_, self.severity, fix)


def _own_codes(directive: Directive) -> list[NoqaCode]:
    codes = directive.codes or ()
    return [item for item in codes if item.code.startswith(OWN_PREFIX) and item.code != "UWF001"]


def _unused_codes(
    exemptions: Exemptions,
    directive: Directive,
    findings: Sequence[Diagnostic],
    settings: Settings,
    rule_opt_in: Mapping[str, bool],
) -> dict[str, list[NoqaCode]]:
    reasons: dict[str, list[NoqaCode]] = {}
    seen: set[str] = set()
    for item in _own_codes(directive):
        if item.code in seen:
            reason = "duplicated"
        elif item.code not in rule_opt_in:
            reason = "unknown"
        elif not settings.selection.is_enabled(item.code, opt_in=rule_opt_in[item.code]):
            reason = "non-enabled"
        elif not any(
            finding.code == item.code and exemptions.applies(directive, finding.line)
            for finding in findings
        ):
            reason = "unused"
        else:
            reason = ""
        seen.add(item.code)
        if reason:
            reasons.setdefault(reason, []).append(item)
    return reasons


def _removal(directive: Directive, unused: list[NoqaCode], source: SourceText) -> Edit:
    """The edit that takes the unused codes out of the directive."""
    line, text = directive.line, source.line(directive.line)
    assert directive.codes is not None
    kept = [item.code for item in directive.codes if item not in unused]
    if kept:
        first, last = directive.codes[0].start, directive.codes[-1].end
        return Edit(_span(line, first, last), ", ".join(kept))
    if directive.file_level:  # a line of its own: it goes with its line ending
        if line < len(source.lines):
            return Edit(Range(Position(line, 0), Position(line + 1, 0)), "")
        return Edit(_span(line, 0, len(text)), "")
    rest = text[directive.end :]
    after_spaces = directive.end + len(rest) - len(rest.lstrip())
    if not rest.strip():  # the comment goes, with the spaces before it
        return Edit(_span(line, len(text[: directive.start].rstrip()), directive.end), "")
    if rest.lstrip().startswith("#"):  # another comment follows: it takes the place
        return Edit(_span(line, directive.start, after_spaces), "")
    # Words follow the codes: they stay the comment (`# noqa: UWF101 why` -> `# why`).
    return Edit(_span(line, directive.keyword, after_spaces), "")


def _span(line: int, start: int, end: int) -> Range:
    return Range(Position(line, start), Position(line, end))


def _comment_spans(source: SourceText) -> dict[int, list[tuple[int, int]]] | None:
    """Columns of the comments of each line; None when the text does not tokenize."""
    spans: dict[int, list[tuple[int, int]]] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source.text).readline):
            if token.type == tokenize.COMMENT:
                spans.setdefault(token.start[0], []).append((token.start[1], token.end[1]))
    except (tokenize.TokenError, SyntaxError):
        return None
    return spans


def _in_comment(directive: Directive, comments: dict[int, list[tuple[int, int]]] | None) -> bool:
    if comments is None:
        return False
    return any(start <= directive.start < end for start, end in comments.get(directive.line, ()))
