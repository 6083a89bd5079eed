"""The flake8 plugin (entry point `UWF`): the engine's findings as flake8 errors.

flake8 parses the file and applies its own `# noqa`; the plugin adds the file-level
`# wfcheck: noqa` forms that flake8 does not know.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator
from typing import Any, ClassVar

from wfcheck import __version__
from wfcheck.engine import check_tree
from wfcheck.noqa import parse_exemptions
from wfcheck.settings import RuleSelection, Settings
from wfcheck.source import SourceText


class Plugin:
    name = "wfcheck"
    version = __version__
    settings: ClassVar[Settings] = Settings()

    def __init__(self, tree: ast.Module, lines: list[str]) -> None:
        self.tree = tree
        self.lines = lines

    @classmethod
    def add_options(cls, option_manager: Any) -> None:
        option_manager.add_option(
            "--wfcheck-extend-select",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            help="Opt-in wfcheck rules to turn on (for example UWF108, UWF309).",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        extend = tuple(code.strip().upper() for code in options.wfcheck_extend_select if code)
        cls.settings = Settings(selection=RuleSelection(extend_select=extend))

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        source = SourceText("".join(self.lines))
        diagnostics = check_tree(self.tree, source, self.settings)
        if diagnostics:
            diagnostics = parse_exemptions(source, line_level=False).filter(diagnostics)
        for diagnostic in diagnostics:
            text = f"{diagnostic.code} {diagnostic.message}"
            yield diagnostic.line, diagnostic.column, text, type(self)
