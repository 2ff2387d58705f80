"""Before anything is written: would the data set still pass ``prestatie validate``?

The new content of one file is checked together with every other file on disk,
in memory, so that a command never writes a file that validate would reject.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prestatie.dataset import DataSet, FileResult, load_file
from prestatie.errors import UsageError
from prestatie.findings import Finding, Severity, finding_line
from prestatie.source import SourceFile

if TYPE_CHECKING:
    from prestatie.cache import Cache


@dataclass(frozen=True, slots=True)
class DataOnDisk:
    """The data set as read once from disk: its per-file results and the assembled set.

    An edit checks its candidate against these same results, so no file is read or
    parsed twice.
    """

    results: list[FileResult]
    dataset: DataSet


def load_dataset(root: Path, *, peildatum: dt.date, cache: Cache | None = None) -> DataOnDisk:
    """Read and check the data set on disk once (with ``cache``, unchanged files from it)."""
    from prestatie.validate import load_results, validate_results

    results = load_results(root, cache=cache)
    dataset, _ = validate_results(results, peildatum=peildatum)
    return DataOnDisk(results, dataset)


def check_candidate(on_disk: DataOnDisk, path: str, content: bytes, *, peildatum: dt.date) -> list[Finding]:
    """Validate the data set as if ``path`` (relative, forward slashes) held ``content``.

    Raises UsageError listing the errors in that file; returns its warnings.
    """
    return check_candidates(on_disk, {path: content}, peildatum=peildatum)


def check_candidates(on_disk: DataOnDisk, contents: dict[str, bytes], *, peildatum: dt.date) -> list[Finding]:
    """Validate the data set as if each path (relative, forward slashes) held its new content.

    Raises UsageError listing the errors in those files; returns their warnings.
    """
    from prestatie.validate import validate_results

    results = [result for result in on_disk.results if result.path not in contents]
    results.extend(load_file(SourceFile(path, content)) for path, content in contents.items())
    _, result = validate_results(results, peildatum=peildatum)
    mine = [finding for finding in result.findings if finding.file in contents]
    errors = [finding for finding in mine if finding.severity is Severity.ERROR]
    if errors:
        listed = "\n".join(f"  {finding_line(f)}" for f in errors)
        files = ", ".join(dict.fromkeys(f.file for f in errors if f.file))
        raise UsageError(
            f"Er is niets geschreven: {files} zou daarna niet door 'prestatie validate' komen:\n{listed}"
        )
    return mine


def warning_line(finding: Finding) -> str:
    """One warning about a file a command wrote, as ``nieuw`` and ``voortgang`` print it."""
    return finding_line(finding, file=finding.file)
