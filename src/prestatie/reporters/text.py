"""``--format text``: per file, each finding with its source line and a marker.

Colour is only an addition: every finding says "fout" or "waarschuwing" in words,
and the output reads the same in a CI log or with NO_COLOR.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from rich.console import Console
from rich.text import Text

from prestatie.findings import Finding, Severity, ValidationResult

# Findings about bytes that must not be shown (binary, invisible, or not read).
_NO_ECHO = frozenset({"PA001", "PA012", "PA014", "PA015", "PA213"})

SourceLine = Callable[[str, int], str | None]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(result: ValidationResult) -> str:
    files = _plural(result.files, "bestand", "bestanden")
    if not result.findings:
        return f"Alles in orde: {files} gecontroleerd, geen fouten of waarschuwingen."
    errors = _plural(result.errors, "fout", "fouten")
    warnings = _plural(result.warnings, "waarschuwing", "waarschuwingen")
    return f"{errors} en {warnings} in {files}."


def _finding_text(finding: Finding, source_line: SourceLine) -> Text:
    is_error = finding.severity is Severity.ERROR
    label = "fout" if is_error else "waarschuwing"
    style = "bold red" if is_error else "bold yellow"
    text = Text("  ")
    text.append(f"regel {finding.line}, kolom {finding.column}: ", style="dim")
    text.append(f"{label} {finding.code}", style=style)
    text.append(f"  {finding.message}")
    if finding.code not in _NO_ECHO and finding.line > 0:
        line = source_line(finding.file, finding.line)
        if line is not None:
            number = str(finding.line)
            text.append(f"\n    {number} | ", style="dim")
            text.append(line.rstrip("\r\n").expandtabs(1))
            marker = " " * (max(finding.column, 1) - 1) + "^"
            text.append(f"\n    {' ' * len(number)} | ", style="dim")
            text.append(marker, style=style)
    return text


def write(result: ValidationResult, console: Console, source_line: SourceLine) -> None:
    for file, findings in groupby(result.findings, key=lambda f: f.file):
        console.print(Text(file, style="bold"))
        for finding in findings:
            console.print(_finding_text(finding, source_line))
        console.print()
    style = "green" if not result.findings else ("red" if result.errors else "yellow")
    console.print(Text(summary(result), style=style))
