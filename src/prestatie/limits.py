"""How many findings one file gets: enough to fix it, never enough to flood a terminal.

A file under the size cap can still hold half a million of the same mistake
(``?,`` repeated on one line, 100.000 duplicate keys). Reading stops after
MAX_FINDINGS_PER_FILE findings, and the findings of one file are cut to that many
in every output, with one PA020 that says how many more there are.
"""

from __future__ import annotations

from collections.abc import Iterable

from prestatie.codes import raised_here, severity_of
from prestatie.findings import Finding, Severity

RAISES = raised_here("PA020")

MAX_FINDINGS_PER_FILE = 100


def too_many_findings(file: str, position: tuple[int, int], more: int | None) -> Finding:
    """PA020 after the last finding shown of ``file``: ``more`` not shown (None: not counted)."""
    hidden = f"nog {more} meldingen worden niet getoond" if more else "er kunnen er meer zijn"
    return Finding(
        file,
        position[0],
        position[1],
        "PA020",
        severity_of("PA020"),
        f"Na {MAX_FINDINGS_PER_FILE} meldingen stopt prestatie met dit bestand ({hidden}). Herstel "
        "eerst de meldingen hierboven (vaak is het steeds dezelfde fout) en controleer opnieuw.",
    )


def cap_per_file(findings: Iterable[Finding]) -> list[Finding]:
    """At most MAX_FINDINGS_PER_FILE findings per file, plus one PA020 for the rest.

    A file's errors are kept before its warnings (each in the given order): a hundred
    warnings must never push out the error that makes the data invalid, or validate
    would pass what it should refuse.
    """
    per_file: dict[str, list[Finding]] = {}
    stopped: set[str] = set()  # files whose reader stopped (and said so) already
    kept: list[Finding] = []
    for finding in findings:
        if finding.code == "PA020":  # a reader or the schema check stopped, and said so
            stopped.add(finding.file)
            kept.append(finding)
        else:
            per_file.setdefault(finding.file, []).append(finding)
    for file, found in per_file.items():
        if len(found) <= MAX_FINDINGS_PER_FILE:
            kept.extend(found)
            continue
        errors = [f for f in found if f.severity is Severity.ERROR]
        warnings = [f for f in found if f.severity is not Severity.ERROR]
        shown = (errors + warnings)[:MAX_FINDINGS_PER_FILE]
        kept.extend(shown)
        if file not in stopped:
            final = max(shown, key=lambda f: f.sort_key)
            kept.append(too_many_findings(file, (final.line, final.column), len(found) - len(shown)))
    return kept
