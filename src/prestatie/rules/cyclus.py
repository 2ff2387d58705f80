"""The rules of data/cyclus/<jaar>.yaml that ``validate`` enforces.

Errors: the year equals the file stem (PA232); bod ≤ overleg_gestart ≤ ondertekend,
a geschil not before the overleg and its uitspraak not before it was filed, the bod
termijn not after the afspraken termijn (PA230); every date between 1 January of
jaar − 1 and 31 December of jaar + 1 (PA231); known parties of the right kind (PA203);
one trajectory per gemeente × corporatie (PA233). A trajectory's overeenkomst is
checked with every other reference to an overeenkomst, in ``overeenkomsten.py`` (PA220).
Warnings at the peildatum: what ``state.achterstallig`` finds (PA330–PA333).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from prestatie.cyclus import state
from prestatie.cyclus.model import Cyclus, Traject
from prestatie.dataset import DataSet, Loaded
from prestatie.dutch import datum
from prestatie.findings import Finding
from prestatie.rules.helpers import finding_at, suggestion
from prestatie.rules.registry import rule
from prestatie.yamlread import YamlPath


def _at(loaded: Loaded[Cyclus], path: YamlPath, code: str, message: str) -> Finding:
    return finding_at(loaded, path, code, message)


def _field_or_item(loaded: Loaded[Cyclus], index: int, field: str) -> YamlPath:
    """The path of a trajectory's field when the file has that key, else of the trajectory."""
    path: YamlPath = ("trajecten", index, field)
    return path if path in loaded.document.keys else ("trajecten", index)


def _jaar_is_stem(loaded: Loaded[Cyclus]) -> Iterator[Finding]:
    if str(loaded.model.jaar) != loaded.stem:
        yield _at(
            loaded,
            ("jaar",),
            "PA232",
            f"Het jaar {loaded.model.jaar} is anders dan de bestandsnaam '{loaded.stem}.yaml'. "
            f"Maak ze gelijk: hernoem het bestand naar {loaded.model.jaar}.yaml of zet het juiste jaar.",
        )


def _dates(traject: Traject) -> Iterator[tuple[YamlPath, dt.date]]:
    for name in state.DATE_FIELDS:
        value = getattr(traject, name)
        if value is not None:
            yield (name,), value
    if traject.geschil is not None:
        for name in ("ingediend", "uitspraak"):
            value = getattr(traject.geschil, name)
            if value is not None:
                yield ("geschil", name), value


_LABELS: dict[YamlPath, str] = {
    ("bod",): "het bod",
    ("overleg_gestart",): "de start van het overleg",
    ("ondertekend",): "de ondertekening",
    ("geschil", "ingediend"): "het indienen van het geschil",
    ("geschil", "uitspraak"): "de uitspraak over het geschil",
}
# Pairs (earlier, later) that must keep their order, each checked when both are present.
_ORDER: tuple[tuple[YamlPath, YamlPath], ...] = (
    (("bod",), ("overleg_gestart",)),
    (("overleg_gestart",), ("ondertekend",)),
    (("bod",), ("ondertekend",)),
    (("overleg_gestart",), ("geschil", "ingediend")),
    (("geschil", "ingediend"), ("geschil", "uitspraak")),
)


def _order(loaded: Loaded[Cyclus]) -> Iterator[Finding]:
    cyclus = loaded.model
    bod, afspraken = cyclus.termijnen.bod, cyclus.termijnen.afspraken
    if bod is not None and afspraken is not None and bod > afspraken:
        yield _at(
            loaded,
            ("termijnen", "afspraken"),
            "PA230",
            f"De termijn voor de afspraken ({datum(afspraken)}) ligt vóór de termijn voor het bod "
            f"({datum(bod)}). Eerst komt het bod, dan de afspraken: controleer beide datums.",
        )
    for index, traject in enumerate(cyclus.trajecten):
        dates = dict(_dates(traject))
        reported: set[YamlPath] = set()
        for earlier, later in _ORDER:
            if earlier not in dates or later not in dates or later in reported:
                continue
            if dates[earlier] > dates[later]:
                reported.add(later)
                yield _at(
                    loaded,
                    ("trajecten", index, *later),
                    "PA230",
                    f"De datum van {_LABELS[later]} ({datum(dates[later])}) ligt vóór die van "
                    f"{_LABELS[earlier]} ({datum(dates[earlier])}). De volgorde is bod, overleg, "
                    "ondertekening (en een geschil na de start van het overleg): controleer beide "
                    "datums; misschien zijn ze omgewisseld.",
                )


def _window(loaded: Loaded[Cyclus]) -> Iterator[Finding]:
    cyclus = loaded.model
    first, last = state.window(cyclus.jaar)
    found: list[tuple[YamlPath, dt.date]] = [
        (("termijnen", name), value)
        for name in ("bod", "afspraken")
        if (value := getattr(cyclus.termijnen, name)) is not None
    ]
    for index, traject in enumerate(cyclus.trajecten):
        found.extend((("trajecten", index, *path), value) for path, value in _dates(traject))
    for path, value in found:
        if not first <= value <= last:
            yield _at(
                loaded,
                path,
                "PA231",
                f"De datum {datum(value)} valt buiten de cyclus van {cyclus.jaar}: die loopt van "
                f"{datum(first)} tot en met {datum(last)}. Controleer het jaartal, of zet de datum "
                f"in het bestand van het juiste jaar (data/cyclus/{value.year}.yaml).",
            )


def _unknown(
    dataset: DataSet, loaded: Loaded[Cyclus], path: YamlPath, ident: str, options: Iterable[str], kind: str
) -> Iterator[Finding]:
    known = list(options)
    if ident in known:
        return
    other = dataset.partijen.get(ident)
    if other is not None:  # a party of another kind, e.g. the huurdersorganisatie as corporatie
        problem = f"'{ident}' ({other.naam}) is geen {kind}."
    else:
        problem = f"Er bestaat geen {kind} met de id '{ident}'."
    yield _at(
        loaded,
        path,
        "PA203",
        f"{problem}{suggestion(ident, known)} Gebruik de id van een {kind} uit data/regio.yaml "
        "(let op: de id, niet de naam).",
    )


def _references(dataset: DataSet, loaded: Loaded[Cyclus]) -> Iterator[Finding]:
    if dataset.regio is None:
        return  # regio.yaml is missing or broken: reported there, cannot know
    regio = dataset.regio.model
    huurders = [h.id for h in regio.huurdersorganisaties]
    for index, traject in enumerate(loaded.model.trajecten):
        base = ("trajecten", index)
        yield from _unknown(
            dataset, loaded, (*base, "gemeente"), traject.gemeente, dataset.gemeenten, "gemeente"
        )
        yield from _unknown(
            dataset, loaded, (*base, "corporatie"), traject.corporatie, dataset.corporaties, "corporatie"
        )
        if traject.huurdersorganisatie is not None:
            yield from _unknown(
                dataset,
                loaded,
                (*base, "huurdersorganisatie"),
                traject.huurdersorganisatie,
                huurders,
                "huurdersorganisatie",
            )


def _one_per_pair(loaded: Loaded[Cyclus]) -> Iterator[Finding]:
    first: dict[tuple[str, str], int] = {}
    for index, traject in enumerate(loaded.model.trajecten):
        pair = (traject.gemeente, traject.corporatie)
        if pair not in first:
            first[pair] = index
            continue
        line, _ = loaded.document.locate(("trajecten", first[pair]))
        yield _at(
            loaded,
            ("trajecten", index, "gemeente"),
            "PA233",
            f"Gemeente '{pair[0]}' en corporatie '{pair[1]}' hebben al een traject in dit jaar "
            f"(regel {line}). Eén traject per gemeente en corporatie: voeg de datums samen in "
            "één traject en verwijder het andere.",
        )


# Where each deadline warning is located: the field that is still empty (or, for the
# overleg, the date it started), or the trajectory itself when the file lacks the field.
_OVERDUE_FIELD = {"PA330": "bod", "PA331": "ondertekend", "PA332": "evaluatie", "PA333": "overleg_gestart"}


def _overdue(loaded: Loaded[Cyclus], peildatum: dt.date) -> Iterator[Finding]:
    cyclus = loaded.model
    termijn = state.termijnen(cyclus)
    for index, traject in enumerate(cyclus.trajecten):
        for item in state.achterstallig(traject, cyclus.jaar, termijn, peildatum):
            path = _field_or_item(loaded, index, _OVERDUE_FIELD[item.code])
            yield _at(loaded, path, item.code, item.message)


@rule("PA232")
def cyclus_jaar_is_stem(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.cycli:
        yield from _jaar_is_stem(loaded)


@rule("PA230")
def cyclus_order(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.cycli:
        yield from _order(loaded)


@rule("PA231")
def cyclus_window(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.cycli:
        yield from _window(loaded)


@rule("PA203")
def cyclus_references(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.cycli:
        yield from _references(dataset, loaded)


@rule("PA233")
def cyclus_one_per_pair(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    for loaded in dataset.cycli:
        yield from _one_per_pair(loaded)


@rule("PA330", "PA331", "PA332", "PA333")
def cyclus_overdue(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """The deadline warnings at the peildatum: what ``cyclus.state.achterstallig`` finds."""
    for loaded in dataset.cycli:
        yield from _overdue(loaded, peildatum)
