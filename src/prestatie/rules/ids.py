"""Ids: each file's id is its name, and no id is used twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from prestatie.dataset import DataSet, Loaded
from prestatie.findings import Finding
from prestatie.models import Afspraak, Project
from prestatie.rules.helpers import finding_at, where
from prestatie.rules.registry import rule
from prestatie.yamlread import YamlPath


@rule("PA201")
def ids_match_file_names(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
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


def _duplicates(entries: Iterable[tuple[str, Loaded[Any], YamlPath]], what: str) -> Iterator[Finding]:
    """PA202 for every entry whose id an earlier entry has already."""
    first: dict[str, tuple[Loaded[Any], YamlPath]] = {}
    for ident, loaded, path in entries:
        if ident not in first:
            first[ident] = (loaded, path)
            continue
        other, other_path = first[ident]
        yield finding_at(
            loaded,
            path,
            "PA202",
            f"De id '{ident}' komt twee keer voor: {what} met deze id staat ook in "
            f"{where(other, other_path)}. Ids moeten uniek zijn: geef een van beide een andere id.",
        )


@rule("PA202")
def unique_ids(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for files, what in ((dataset.afspraken, "een afspraak"), (dataset.projecten, "een project")):
        ids = [loaded.model.id for loaded in files]
        if len(set(ids)) < len(ids):  # else nothing to report: spares a tuple per file
            yield from _duplicates(((loaded.model.id, loaded, ("id",)) for loaded in files), what)
    if dataset.regio is not None:
        regio = dataset.regio
        lists: list[tuple[str, list[Any]]] = [
            ("gemeenten", list(regio.model.gemeenten)),
            ("corporaties", regio.model.corporaties),
            ("huurdersorganisaties", regio.model.huurdersorganisaties),
            ("overige_partijen", regio.model.overige_partijen),
        ]
        yield from _duplicates(
            (
                (partij.id, regio, (name, index, "id"))
                for name, partijen in lists
                for index, partij in enumerate(partijen)
            ),
            "een partij (gemeenten, corporaties, huurdersorganisaties en overige partijen "
            "delen één reeks ids)",
        )
    if dataset.themas is not None:
        themas = dataset.themas
        yield from _duplicates(
            ((t.id, themas, (i, "id")) for i, t in enumerate(themas.model.root)), "een thema"
        )
        yield from _duplicates(
            (
                (indicator.id, themas, (i, "indicatoren", j, "id"))
                for i, thema in enumerate(themas.model.root)
                for j, indicator in enumerate(thema.indicatoren)
            ),
            "een indicator (ook bij een ander thema)",
        )
