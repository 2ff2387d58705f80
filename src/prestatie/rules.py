"""The rules of DESIGN.md that span files: ids, references, scope, dates, targets.

Each rule is a function that takes the data set and the peildatum and yields
findings located at the key or value concerned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from prestatie.codes import severity_of
from prestatie.dataset import DataSet, Loaded
from prestatie.findings import Finding
from prestatie.models import Afspraak, Project
from prestatie.yamlread import YamlPath

Rule = Callable[[DataSet, dt.date], Iterator[Finding]]


def finding_at(loaded: Loaded[Any], path: YamlPath, code: str, message: str, *, key: bool = False) -> Finding:
    line, column = loaded.document.locate(path, key=key)
    return Finding(loaded.file, line, column, code, severity_of(code), message)


def _ids_match_file_names(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    files: list[Loaded[Afspraak] | Loaded[Project]] = [*dataset.afspraken, *dataset.projecten]
    for loaded in files:
        if loaded.model.id != loaded.stem:
            yield finding_at(
                loaded,
                ("id",),
                "PA201",
                f"De id '{loaded.model.id}' is anders dan de bestandsnaam '{loaded.stem}.yaml'. "
                f"Maak ze gelijk: hernoem het bestand naar {loaded.model.id}.yaml of zet "
                f"id: {loaded.stem}.",
            )


RULES: list[Rule] = [
    _ids_match_file_names,
]


def check_rules(dataset: DataSet, *, peildatum: dt.date) -> list[Finding]:
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(dataset, peildatum))
    return findings
