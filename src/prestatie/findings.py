"""Findings are data: what validation found, where, and how bad it is."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from prestatie.neutral import shown


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one place of one file.

    ``file`` is relative to the directory that holds ``data/`` and uses forward
    slashes; ``line`` and ``column`` are 1-based (0 when a finding concerns the
    file as a whole).
    """

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def position(finding: Finding) -> str:
    """Where in its file a finding is, in words: 'regel 3, kolom 5' ('het hele bestand' at 0)."""
    if finding.line < 1:
        return "het hele bestand"
    return f"regel {finding.line}, kolom {finding.column}"


def label(finding: Finding) -> str:
    """'fout PA203' or 'waarschuwing PA302'."""
    return f"{'fout' if finding.severity is Severity.ERROR else 'waarschuwing'} {finding.code}"


def finding_line(finding: Finding, *, file: str | None = None) -> str:
    """One finding as one line of text, the same everywhere a finding is printed as a line:

    ``[FILE, ]regel 3, kolom 5: fout PA203  message``

    ``file`` names the file (or more, e.g. the side of a diff) where the line does not
    stand under a heading that names it already.
    """
    where = position(finding) if file is None else f"{shown(file)}, {position(finding)}"
    return f"{where}: {label(finding)}  {shown(finding.message)}"


@dataclass(slots=True)
class ValidationResult:
    """All findings of one run over a data set.

    ``checked`` lists the files that were checked (as findings name them), when the
    run knows them; ``files`` is how many there were.
    """

    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def sorted(self) -> ValidationResult:
        return ValidationResult(self.files, sorted(self.findings, key=lambda f: f.sort_key), self.checked)

    def strict(self) -> ValidationResult:
        """``--strict``: every warning counts as an error."""
        promoted = [replace(f, severity=Severity.ERROR) for f in self.findings]
        return ValidationResult(self.files, promoted, self.checked)
