"""One way to print a finding as a line: ``findings.finding_line``, used everywhere."""

from __future__ import annotations

import ast
import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console

import prestatie
from prestatie.edit.check import check_candidate, load_dataset, warning_line
from prestatie.errors import UsageError
from prestatie.findings import Finding, Severity, ValidationResult, finding_line
from prestatie.reporters import text

ERROR = Finding("data/afspraken/a.yaml", 3, 5, "PA203", Severity.ERROR, "Er bestaat geen thema 'x'.")
WARNING = Finding("data/projecten/k/b.yaml", 12, 3, "PA302", Severity.WARNING, "Geen voortgang.")
WHOLE = Finding("data/themas.yaml", 0, 0, "PA213", Severity.ERROR, "Het bestand ontbreekt.")


def test_the_line() -> None:
    assert finding_line(ERROR) == "regel 3, kolom 5: fout PA203  Er bestaat geen thema 'x'."
    assert finding_line(WARNING, file=WARNING.file) == (
        "data/projecten/k/b.yaml, regel 12, kolom 3: waarschuwing PA302  Geen voortgang."
    )
    assert finding_line(WHOLE, file="data/themas.yaml (v1)") == (
        "data/themas.yaml (v1), het hele bestand: fout PA213  Het bestand ontbreekt."
    )


def test_validate_text_prints_the_same_line_under_its_file() -> None:
    out = io.StringIO()
    text.write(ValidationResult(2, [ERROR, WARNING]), Console(file=out, no_color=True), lambda f, n: None)
    lines = out.getvalue().splitlines()
    assert f"  {finding_line(ERROR)}" in lines
    assert f"  {finding_line(WARNING)}" in lines


def test_an_edit_lists_its_errors_and_warnings_with_the_same_line(data_copy: Path) -> None:
    today = dt.date(2025, 6, 30)
    on_disk = load_dataset(data_copy, peildatum=today)
    path = "data/afspraken/bouwopgave-sociale-huur.yaml"
    content = (data_copy / path).read_bytes().replace(b"status: lopend", b"status: bezig", 1)
    with pytest.raises(UsageError) as caught:
        check_candidate(on_disk, path, content, peildatum=today)
    (listed,) = [line for line in str(caught.value).splitlines() if line.startswith("  ")]
    assert listed.startswith("  regel ") and ": fout PA104  " in listed
    assert warning_line(WARNING) == finding_line(WARNING, file=WARNING.file)


def test_no_other_module_makes_a_line_of_a_finding() -> None:
    """No f-string outside findings.py puts a finding's line beside its code or message."""
    package = Path(prestatie.__file__).parent
    offenders = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "findings.py" and path.parent == package:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            attributes = {
                value.value.attr
                for value in node.values
                if isinstance(value, ast.FormattedValue) and isinstance(value.value, ast.Attribute)
            }
            if "line" in attributes and attributes & {"code", "message"}:
                offenders.append(f"{path.relative_to(package)}:{node.lineno}")
    assert not offenders, offenders
