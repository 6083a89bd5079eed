"""Settings that every surface builds the same way: rule selection and detection settings."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from wfcheck.sdk import SDK_2_0_0_METHODS, SDK_MODULE


class SettingsError(ValueError):
    """A setting has a wrong value; the message names the setting."""


@dataclass(frozen=True)
class RuleSelection:
    """Ruff's selection semantics over rule codes.

    A selector is a code prefix (`UWF`, `UWF1`, `UWF101`) or `ALL`. A rule is enabled when
    the most specific selector in `select` + `extend_select` that matches it is more specific
    than the most specific matching selector in `ignore`. Opt-in rules are matched only by
    their full code, so `select = ["UWF"]` (or flake8's default) does not turn them on.
    `per_file_ignores` holds the selectors of `per-file-ignores` that match one file: as in
    Ruff, they disable the rules they match whatever `select` says.
    """

    select: tuple[str, ...] = ("UWF",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[str, ...] = ()

    def is_enabled(self, code: str, *, opt_in: bool) -> bool:
        if _specificity(code, self.per_file_ignores, opt_in=False):
            return False
        chosen = _specificity(code, (*self.select, *self.extend_select), opt_in=opt_in)
        return chosen > _specificity(code, self.ignore, opt_in=False)

    def validate(self, known_codes: Iterable[str]) -> None:
        codes = tuple(known_codes)
        for key, selectors in (
            ("select", self.select),
            ("ignore", self.ignore),
            ("extend-select", self.extend_select),
            ("per-file-ignores", self.per_file_ignores),
        ):
            for selector in selectors:
                if selector != "ALL" and not any(code.startswith(selector) for code in codes):
                    raise SettingsError(f"{key}: unknown rule selector {selector!r}")


def _specificity(code: str, selectors: Iterable[str], *, opt_in: bool) -> int:
    """Length of the longest selector matching `code` (0 when none matches)."""
    best = 0
    for selector in selectors:
        general = selector == "ALL" or code.startswith(selector)
        if selector == code or (general and not opt_in):
            best = max(best, 1 if selector == "ALL" else len(selector) + 1)
    return best


@dataclass(frozen=True)
class DetectionSettings:
    """What counts as workflow code and as a non-deterministic source.

    Names are qualified names (`myapp.workflows.WorkflowCtx`), resolved through imports.
    """

    context_types: frozenset[str] = frozenset()
    registration_decorators: frozenset[str] = frozenset()
    deterministic_functions: frozenset[str] = frozenset()
    nondeterministic_functions: frozenset[str] = frozenset()
    sdk_methods: frozenset[str] = SDK_2_0_0_METHODS
    # Every module is treated as importing the SDK and every function with a first parameter
    # as a workflow: runs the whole model over code that never uses the SDK (robustness tests).
    assume_workflows: bool = False

    def module_names(self) -> frozenset[str]:
        """Top-level modules whose import opens the workflow gate: the SDK and the modules of
        the configured names."""
        configured = self.context_types | self.registration_decorators
        return frozenset({SDK_MODULE, *(name.split(".", 1)[0] for name in configured)})

    def named_in(self, text: str) -> bool:
        """A cheap test on a text: it names the SDK or a configured module."""
        return any(module in text for module in self.module_names())


@dataclass(frozen=True)
class Settings:
    selection: RuleSelection = field(default_factory=RuleSelection)
    detection: DetectionSettings = field(default_factory=DetectionSettings)

    def with_selection_overrides(
        self,
        *,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
    ) -> Settings:
        """The configured settings under a tool's own selectors (Ruff's layering of the
        command line over the configuration): `select` replaces the configured selection,
        keeping its per-file ignores; `ignore` and `extend_select` add to it."""
        configured = self.selection
        if select is not None:
            selection = RuleSelection(select, ignore, extend_select, configured.per_file_ignores)
        else:
            selection = replace(
                configured,
                ignore=(*configured.ignore, *ignore),
                extend_select=(*configured.extend_select, *extend_select),
            )
        return replace(self, selection=selection)


def settings_key(settings: Settings | DetectionSettings) -> str:
    """A text that two Settings share exactly when they are equal (sets in sorted order)."""
    return json.dumps(asdict(settings), sort_keys=True, default=sorted)
