"""Before anything is written: would the data set still pass ``prestatie validate``?

The new content of one file is checked together with every other file on disk,
in memory, so that a command never writes a file that validate would reject.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prestatie.dataset import DataSet
from prestatie.errors import UsageError
from prestatie.findings import Finding, Severity
from prestatie.source import SourceFile, read_directory


def load_dataset(root: Path, *, peildatum: dt.date) -> tuple[DataSet, list[Finding]]:
    """The data set on disk (valid files only) and all findings."""
    from prestatie.validate import validate_directory

    dataset, result = validate_directory(root, peildatum=peildatum)
    return dataset, result.findings


def check_candidate(root: Path, path: str, content: bytes, *, peildatum: dt.date) -> list[Finding]:
    """Validate the data set as if ``path`` (relative, forward slashes) held ``content``.

    Raises UsageError listing the errors in that file; returns its warnings.
    """
    from prestatie.validate import validate_sources

    sources = [source for source in read_directory(root) if source.path != path]
    sources.append(SourceFile(path, content))
    _, result = validate_sources(sources, peildatum=peildatum)
    mine = [finding for finding in result.findings if finding.file == path]
    errors = [finding for finding in mine if finding.severity is Severity.ERROR]
    if errors:
        listed = "\n".join(f"  regel {f.line}: {f.message} [{f.code}]" for f in errors)
        raise UsageError(
            f"Er is niets geschreven: {path} zou daarna niet door 'prestatie validate' komen:\n{listed}"
        )
    return mine


def warning_line(finding: Finding) -> str:
    """One warning about a file a command wrote, as ``nieuw`` and ``voortgang`` print it."""
    return f"Waarschuwing (regel {finding.line}): {finding.message} [{finding.code}]"
