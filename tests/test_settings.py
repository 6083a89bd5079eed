"""Rule selection with Ruff's semantics, and opt-in rules that only their full code enables."""

from __future__ import annotations

import pytest

from wfcheck.settings import RuleSelection, SettingsError


@pytest.mark.parametrize(
    ("selection", "code", "enabled"),
    [
        (RuleSelection(), "UWF101", True),
        (RuleSelection(select=("UWF2",)), "UWF101", False),
        (RuleSelection(select=("UWF2",), extend_select=("UWF101",)), "UWF101", True),
        (RuleSelection(ignore=("UWF1",)), "UWF101", False),
        (RuleSelection(select=("UWF101",), ignore=("UWF1",)), "UWF101", True),
        (RuleSelection(select=("UWF1",), ignore=("UWF101",)), "UWF101", False),
        (RuleSelection(select=("UWF101",), ignore=("UWF101",)), "UWF101", False),
        (RuleSelection(select=("ALL",)), "UWF302", True),
    ],
)
def test_selection(selection: RuleSelection, code: str, enabled: bool) -> None:
    assert selection.is_enabled(code, opt_in=False) is enabled


@pytest.mark.parametrize(
    ("selection", "enabled"),
    [
        (RuleSelection(), False),
        (RuleSelection(select=("ALL",)), False),
        (RuleSelection(select=("UWF1",)), False),
        (RuleSelection(extend_select=("UWF108",)), True),
        (RuleSelection(select=("UWF108",), ignore=("UWF1",)), True),
        (RuleSelection(extend_select=("UWF108",), ignore=("UWF108",)), False),
    ],
)
def test_opt_in_rules_need_their_full_code(selection: RuleSelection, enabled: bool) -> None:
    assert selection.is_enabled("UWF108", opt_in=True) is enabled


def test_unknown_selector_names_the_setting() -> None:
    with pytest.raises(SettingsError, match="ignore: unknown rule selector 'UWF99'"):
        RuleSelection(ignore=("UWF99",)).validate(["UWF101", "UWF102"])
