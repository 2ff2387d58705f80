"""The per-file cap on findings never hides what makes data invalid."""

from __future__ import annotations

from prestatie.findings import Finding, Severity, ValidationResult
from prestatie.limits import MAX_FINDINGS_PER_FILE, cap_per_file

FILE = "data/projecten/kerkrade/veel.yaml"


def _finding(line: int, severity: Severity, code: str) -> Finding:
    return Finding(FILE, line, 3, code, severity, "melding")


def test_an_error_after_a_hundred_warnings_is_kept_and_the_data_stays_invalid() -> None:
    warnings = [_finding(line, Severity.WARNING, "PA302") for line in range(1, 151)]
    error = _finding(400, Severity.ERROR, "PA203")
    kept = cap_per_file([*warnings, error])
    assert error in kept
    assert [f.code for f in kept].count("PA020") == 1
    assert len([f for f in kept if f.code != "PA020"]) == MAX_FINDINGS_PER_FILE
    assert not ValidationResult(1, kept, [FILE]).ok
    too_many = next(f for f in kept if f.code == "PA020")
    assert "nog 51 meldingen" in too_many.message
    assert (too_many.line, too_many.column) == (400, 3)  # after the last finding shown


def test_a_file_under_the_cap_keeps_everything_in_order() -> None:
    found = [
        _finding(line, Severity.WARNING if line % 2 else Severity.ERROR, "PA302") for line in range(1, 11)
    ]
    assert cap_per_file(found) == found


def test_errors_beyond_the_cap_are_cut_after_every_warning() -> None:
    errors = [_finding(line, Severity.ERROR, "PA203") for line in range(200, 330)]
    warnings = [_finding(line, Severity.WARNING, "PA302") for line in range(1, 11)]
    kept = cap_per_file([*warnings, *errors])
    assert all(f.severity is Severity.ERROR for f in kept if f.code != "PA020")
    assert len(kept) == MAX_FINDINGS_PER_FILE + 1
