"""check_valid (what status, report, export and status --vergelijk use) says "valid" exactly
when validate_results does, on every case of tests/cases and on the shipped data; with
errors it gives validate_results' whole result. It only leaves out the rules that can
only warn, and only when there are no errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import DATA
from prestatie.rules import RULES
from prestatie.validate import check_valid, load_results, validate_results
from test_cases import CASE_DIRS, _data_set

PEILDATUM = dt.date(2024, 12, 31)


@pytest.mark.parametrize("case", [None, *CASE_DIRS], ids=["_base", *(p.name for p in CASE_DIRS)])
def test_check_valid_agrees_with_validate(tmp_path: Path, case: Path | None) -> None:
    results = load_results(_data_set(tmp_path, case))
    full = validate_results(results, peildatum=PEILDATUM)[1]
    quick = check_valid(results, peildatum=PEILDATUM)[1]
    assert quick.ok == full.ok
    assert quick == full if not full.ok else quick.findings == []


def test_the_shipped_data_is_valid_both_ways() -> None:
    results = load_results(DATA.parent)
    today = dt.date.today()
    assert check_valid(results, peildatum=today)[1].ok == validate_results(results, peildatum=today)[1].ok


def test_some_rules_only_warn_and_some_can_fail() -> None:
    assert {rule.can_fail for rule in RULES} == {True, False}
