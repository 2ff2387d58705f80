"""The validate pipeline: read every file, check each against its schema, then the rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from prestatie.dataset import DataSet, assemble, load_file
from prestatie.errors import DataError
from prestatie.findings import ValidationResult
from prestatie.rules import check_rules
from prestatie.source import SourceFile, read_directory


def validate_sources(
    sources: Iterable[SourceFile], *, peildatum: dt.date
) -> tuple[DataSet, ValidationResult]:
    """Check a set of source files; all findings of all files, sorted."""
    dataset, findings = assemble(load_file(source) for source in sources)
    findings.extend(check_rules(dataset, peildatum=peildatum))
    return dataset, ValidationResult(dataset.files, findings).sorted()


def validate_directory(root: Path, *, peildatum: dt.date) -> tuple[DataSet, ValidationResult]:
    return validate_sources(read_directory(root), peildatum=peildatum)


def require_valid(dataset: DataSet, result: ValidationResult) -> DataSet:
    """The data set, if it has no errors; otherwise a DataError that says what to do."""
    if not result.ok:
        raise DataError(
            f"De gegevens bevatten {result.errors} fout(en); daarom kan er geen overzicht "
            "worden gemaakt. Voer 'prestatie validate' uit om te zien wat er mis is en hoe "
            "u het herstelt."
        )
    return dataset
