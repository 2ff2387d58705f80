"""``--format markdown``: the outcome of validate for a pull request comment or a CI job summary.

One sentence with the counts, then a table of the first ``SHOWN`` findings (errors
first). With more findings it says how many there are and where all of them are:
``link``, when given (in GitHub Actions: code scanning, which shows every finding of
the SARIF upload), else the output of ``prestatie validate``. Every value from the
data is escaped: it can add no table column, HTML or link of its own.
"""

from __future__ import annotations

from prestatie.findings import Finding, Severity, ValidationResult
from prestatie.report.markdown import escape
from prestatie.reporters.text import summary

SHOWN = 10
TITLE = "## Controle van de gegevens"


def _row(finding: Finding) -> str:
    where = finding.file if finding.line < 1 else f"{finding.file}:{finding.line}:{finding.column}"
    label = "fout" if finding.severity is Severity.ERROR else "waarschuwing"
    return f"| {escape(where)} | {label} {finding.code} | {escape(finding.message)} |"


def render(result: ValidationResult, link: str | None = None) -> str:
    lines = [TITLE, "", escape(summary(result))]
    if result.findings:
        ordered = sorted(result.findings, key=lambda f: (f.severity is not Severity.ERROR, f.sort_key))
        lines += ["", "| Waar | Melding | Uitleg |", "| --- | --- | --- |"]
        lines += [_row(f) for f in ordered[:SHOWN]]
        rest = len(ordered) - SHOWN
        if rest > 0:
            where = "de uitvoer van `prestatie validate`"
            if link:
                where = f"[code scanning]({_destination(link)})"
            lines += [
                "",
                f"Dit zijn de eerste {SHOWN} van **{len(ordered)} meldingen**; er zijn er nog {rest}. "
                f"Alle meldingen staan in {where}.",
            ]
    return "\n".join(lines) + "\n"


def _destination(url: str) -> str:
    """A link destination that cannot end the link early or carry Markdown."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"
