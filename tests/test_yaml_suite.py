"""The official YAML test suite (../shared/yaml-test-suite): data or located findings, never an exception."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED, shared_params
from prestatie.codes import CODES
from prestatie.yamlread import ReadOutcome, read_yaml

SUITE = SHARED / "yaml-test-suite"
CASES = sorted(p.parent for p in SUITE.glob("*/in.yaml")) if SUITE.is_dir() else []


def test_suite_is_there(yaml_suite_dir: Path) -> None:
    assert len(sorted(yaml_suite_dir.glob("*/in.yaml"))) == len(CASES) > 300


# The suite's error cases that libyaml reads without complaint, per top-level shape
# asked for (a case whose top has the wrong shape is refused with PA008 anyway).
# Comments glued to a value, tabs and dashes in flow collections, odd indentation of
# multi-line scalars: the data that comes out is what the text says, only the syntax
# is laxer than the specification. A case that joins or leaves this list is a change
# of behaviour to look at, not a number to raise.
LIBYAML_ACCEPTS: dict[type, set[str]] = {
    dict: {"9C9N", "DK95-01", "QB6E", "S98Z", "SU5Z", "X4QW"},
    list: {"9JBA", "CVW2", "G5U8", "Y79Y-003", "YJV2"},
}


@pytest.mark.parametrize("top", [dict, list])
def test_every_case_reads_to_data_or_located_findings(yaml_suite_dir: Path, top: type) -> None:
    accepted_errors = set()
    for case in CASES:
        raw = (case / "in.yaml").read_bytes()
        outcome = read_yaml(raw, "data/themas.yaml", top=top)
        assert isinstance(outcome, ReadOutcome), case.name
        for finding in outcome.findings:
            assert finding.line >= 1 and finding.column >= 1, (case.name, finding)
            assert finding.code in CODES and finding.message
        if outcome.document is None:
            assert outcome.findings, f"{case.name}: no data and no finding"
        if (case / "error").exists() and not outcome.findings:
            accepted_errors.add(case.name)
    assert accepted_errors == LIBYAML_ACCEPTS[top]


@pytest.mark.parametrize("case", shared_params("yaml-test-suite", CASES[::25], [c.name for c in CASES[::25]]))
def test_sample_through_the_whole_command(
    yaml_suite_dir: Path, data_copy: Path, cli: Callable[..., Any], case: Path
) -> None:
    (data_copy / "data/projecten/kerkrade/suite.yaml").write_bytes((case / "in.yaml").read_bytes())
    result = cli("validate", data_copy, "--format", "json")
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert result.exit_code == (1 if report["errors"] else 0)
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in report["findings"])
