"""Version 2 rules about agreements through time: overeenkomsten and parties that change.

See docs/gegevens.md (overeenkomsten, parties through time). Without
data/overeenkomsten/ a data set works as in version 1: regio.yaml's titel and
periode form the one overeenkomst 'regio' and afspraken need not name it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from prestatie import dutch
from prestatie.codes import severity_of
from prestatie.dataset import IMPLICIT_OVEREENKOMST, DataSet, Loaded
from prestatie.findings import Finding
from prestatie.models import Document, Overeenkomst
from prestatie.projectstate import status_at
from prestatie.rules.helpers import finding_at, suggestion
from prestatie.rules.registry import rule
from prestatie.yamlread import YamlPath


def _years(overeenkomst: Overeenkomst) -> str:
    return f"{overeenkomst.periode.van.year}–{overeenkomst.periode.tot.year}"


# Ids and regio.yaml ----------------------------------------------------------------


@rule("PA201", "PA202", "PA102")
def overeenkomst_ids(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA201 and PA202 for overeenkomsten; PA102 for regio.yaml without its overeenkomst."""
    seen: dict[str, Loaded[Overeenkomst]] = {}
    for loaded in dataset.overeenkomsten:
        ident = loaded.model.id
        if ident != loaded.stem:
            yield finding_at(
                loaded,
                ("id",),
                "PA201",
                f"De id '{ident}' is anders dan de bestandsnaam '{loaded.stem}.yaml'. Maak ze gelijk: "
                f"hernoem het bestand naar {ident}.yaml of zet id: {loaded.stem}.",
            )
        if ident in seen:
            yield finding_at(
                loaded,
                ("id",),
                "PA202",
                f"De id '{ident}' komt twee keer voor: ook {seen[ident].file} is een overeenkomst met "
                "deze id. Geef een van beide een andere id.",
            )
        seen.setdefault(ident, loaded)
    regio = dataset.regio
    if regio is None or dataset.has_overeenkomsten:
        return
    for name in ("titel", "periode"):
        if getattr(regio.model, name) is None:
            yield Finding(
                regio.file,
                1,
                1,
                "PA102",
                severity_of("PA102"),
                f"Het veld '{name}' ontbreekt. Zonder de map data/overeenkomsten/ beschrijft "
                "regio.yaml de enige overeenkomst: voeg 'titel' en 'periode: {van: JJJJ-MM-DD, tot: "
                "JJJJ-MM-DD}' toe, of leg de overeenkomsten vast in data/overeenkomsten/<id>.yaml.",
            )


# References --------------------------------------------------------------------------


def _known_overeenkomst(dataset: DataSet, ident: str) -> bool:
    return ident in dataset.overeenkomsten_by_id or ident in dataset.broken.get("overeenkomst", set())


def _unknown_overeenkomst(
    dataset: DataSet, loaded: Loaded[Any], path: YamlPath, ident: str
) -> Finding | None:
    if _known_overeenkomst(dataset, ident):
        return None
    return finding_at(
        loaded,
        path,
        "PA220",
        f"Er bestaat geen overeenkomst met de id '{ident}'.{suggestion(ident, dataset.overeenkomsten_by_id)} "
        "Gebruik de id van een bestand in data/overeenkomsten/.",
    )


@rule("PA220")
def afspraak_overeenkomst(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA220: every afspraak names a known overeenkomst (only with data/overeenkomsten/)."""
    for loaded in dataset.afspraken:
        ident = loaded.model.overeenkomst
        if not dataset.has_overeenkomsten:
            if ident is not None and ident != IMPLICIT_OVEREENKOMST:
                yield finding_at(
                    loaded,
                    ("overeenkomst",),
                    "PA220",
                    f"Deze afspraak noemt overeenkomst '{ident}', maar er is geen map "
                    "data/overeenkomsten/. Leg de overeenkomst vast in "
                    f"data/overeenkomsten/{ident}.yaml, of verwijder de regel 'overeenkomst'.",
                )
            continue
        if ident is None:
            known = ", ".join(sorted(dataset.overeenkomsten_by_id)) or "(geen)"
            yield finding_at(
                loaded,
                ("id",),
                "PA220",
                "Deze afspraak noemt geen overeenkomst. Omdat er een map data/overeenkomsten/ is, "
                "hoort elke afspraak bij een overeenkomst: voeg 'overeenkomst: <id>' toe "
                f"(kies uit: {known}).",
            )
            continue
        found = _unknown_overeenkomst(dataset, loaded, ("overeenkomst",), ident)
        if found is not None:
            yield found


@rule("PA220", "PA203", "PA222")
def overeenkomst_references(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA220 for onderdeel_van/vervangt, PA203 for parties and gemeenten, PA222 for namens."""
    for loaded in dataset.overeenkomsten:
        model = loaded.model
        for name in ("onderdeel_van", "vervangt"):
            ident = getattr(model, name)
            if ident is not None:
                found = _unknown_overeenkomst(dataset, loaded, (name,), ident)
                if found is not None:
                    yield found
        if dataset.regio is None:
            continue
        places: list[tuple[YamlPath, str, dict[str, Any], str]] = []
        if model.gemeenten != "alle":
            places.extend(
                (("gemeenten", i), g, dataset.gemeenten, "gemeente") for i, g in enumerate(model.gemeenten)
            )
        for i, ondertekenaar in enumerate(model.ondertekenaars):
            places.append((("ondertekenaars", i, "partij"), ondertekenaar.partij, dataset.partijen, "partij"))
            for j, gemeente in enumerate(ondertekenaar.namens):
                if gemeente in dataset.partijen and gemeente not in dataset.gemeenten:
                    yield finding_at(
                        loaded,
                        ("ondertekenaars", i, "namens", j),
                        "PA222",
                        f"'{gemeente}' is geen gemeente: onder 'namens' staan alleen de gemeenten "
                        "namens wie deze partij tekende. Zet een andere partij als eigen ondertekenaar "
                        "in de lijst.",
                    )
                else:
                    places.append(
                        (("ondertekenaars", i, "namens", j), gemeente, dataset.gemeenten, "gemeente")
                    )
        for path, ident, options, kind in places:
            if ident not in options:
                yield finding_at(
                    loaded,
                    path,
                    "PA203",
                    f"Er bestaat geen {kind} met de id '{ident}'.{suggestion(ident, options)} Gebruik een id "
                    "die in data/regio.yaml staat (let op: de id, niet de naam).",
                )


@rule("PA203")
def party_references(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA203 for an opgegaan_in naming an unknown party."""
    regio = dataset.regio
    if regio is None:
        return
    lists = ("gemeenten", "corporaties", "huurdersorganisaties", "overige_partijen")
    for name in lists:
        for i, partij in enumerate(getattr(regio.model, name)):
            merged = partij.opgegaan_in
            if merged is not None and merged.partij not in dataset.partijen:
                yield finding_at(
                    regio,
                    (name, i, "opgegaan_in", "partij"),
                    "PA203",
                    f"Er bestaat geen partij met de id '{merged.partij}'."
                    f"{suggestion(merged.partij, dataset.partijen)} Gebruik de id van de partij waarin "
                    f"'{partij.id}' is opgegaan, zoals die in data/regio.yaml staat.",
                )


# Periods and chains ---------------------------------------------------------------


@rule("PA214")
def overeenkomst_periods(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA214: an overeenkomst's own period, an afspraak within it, a child within its parent."""
    valid: dict[str, Overeenkomst] = {}
    for loaded in dataset.overeenkomsten:
        periode = loaded.model.periode
        if periode.van > periode.tot:
            yield finding_at(
                loaded,
                ("periode", "van"),
                "PA214",
                f"De periode begint ({dutch.datum(periode.van)}) na het einde ({dutch.datum(periode.tot)}). "
                "Controleer 'van' en 'tot'.",
            )
        else:
            valid.setdefault(loaded.model.id, loaded.model)
    for loaded in dataset.overeenkomsten:
        child = loaded.model
        parent = valid.get(child.onderdeel_van or "")
        if parent is None or child.id not in valid:
            continue
        if child.periode.van < parent.periode.van or child.periode.tot > parent.periode.tot:
            yield finding_at(
                loaded,
                ("periode",),
                "PA214",
                f"De periode {dutch.datum(child.periode.van)} tot en met {dutch.datum(child.periode.tot)} "
                f"valt buiten die van '{parent.id}' ({dutch.datum(parent.periode.van)} tot en met "
                f"{dutch.datum(parent.periode.tot)}), waar deze overeenkomst onderdeel van is. Pas de "
                "periode aan.",
            )
    if not dataset.has_overeenkomsten:
        return  # version 1: rules.py checks afspraken against regio.yaml
    for afspraak_file in dataset.afspraken:
        afspraak = afspraak_file.model
        overeenkomst = valid.get(afspraak.overeenkomst or "")
        if overeenkomst is None or afspraak.periode.van > afspraak.periode.tot:
            continue
        if afspraak.periode.van < overeenkomst.periode.van.year or (
            afspraak.periode.tot > overeenkomst.periode.tot.year
        ):
            yield finding_at(
                afspraak_file,
                ("periode",),
                "PA214",
                f"De periode {afspraak.periode.van}–{afspraak.periode.tot} valt buiten de looptijd van "
                f"overeenkomst '{overeenkomst.id}' ({_years(overeenkomst)}). Pas de periode van de "
                "afspraak aan, of koppel haar aan een andere overeenkomst.",
            )


@rule("PA221")
def overeenkomst_cycles(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA221: following vervangt or onderdeel_van never comes back; reported once per cycle."""
    files = {loaded.model.id: loaded for loaded in dataset.overeenkomsten}
    for name in ("vervangt", "onderdeel_van"):
        reported: set[str] = set()
        for start in sorted(files):
            path: list[str] = []
            current: str | None = start
            while current is not None and current in files and current not in path:
                path.append(current)
                current = getattr(files[current].model, name)
            if current is None or current not in path:
                continue
            cycle = path[path.index(current) :]
            if reported.intersection(cycle):
                continue
            reported.update(cycle)
            first = min(cycle)
            chain = " → ".join([*cycle[cycle.index(first) :], *cycle[: cycle.index(first)], first])
            yield finding_at(
                files[first],
                (name,),
                "PA221",
                f"'{name}' loopt in een kring: {chain}. Een overeenkomst kan niet (via andere) zichzelf "
                f"{'vervangen' if name == 'vervangt' else 'bevatten'}; corrigeer een van deze verwijzingen.",
            )


# Documents --------------------------------------------------------------------------


def _inside(bestand: str) -> bool:
    path = PurePosixPath(bestand.replace("\\", "/"))
    return not path.is_absolute() and ".." not in path.parts and ":" not in bestand and bool(path.parts)


def _all_documents(dataset: DataSet) -> Iterator[tuple[Loaded[Any], YamlPath, Document]]:
    """Every document of the data set: of the overeenkomsten and of the cycle's trajectories."""
    for loaded in dataset.overeenkomsten:
        for i, document in enumerate(loaded.model.documenten):
            yield loaded, ("documenten", i), document
    for year in dataset.cycli:
        for t, traject in enumerate(year.model.trajecten):
            for i, document in enumerate(traject.documenten):
                yield year, ("trajecten", t, "documenten", i), document


@rule("PA223", "PA224")
def documents(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA223: a document file stays inside the repository and exists; PA224: its sha256."""
    for loaded, at, document in _all_documents(dataset):
        bestand = document.bestand
        if bestand is None:
            continue
        if not _inside(bestand):
            yield finding_at(
                loaded,
                (*at, "bestand"),
                "PA223",
                f"Het bestand '{bestand}' ligt buiten de repository. Zet het document in de "
                "repository (bijvoorbeeld in documenten/) en schrijf het pad vanaf de hoofdmap, "
                "zonder '..', of gebruik 'url' voor een document op internet.",
            )
            continue
        if dataset.root is None:
            continue  # read from git: only the files below data/ are at hand
        target = dataset.root / bestand
        try:
            resolved = target.resolve(strict=True)
            content = resolved.read_bytes() if resolved.is_file() else None
            inside = resolved.is_relative_to(dataset.root.resolve())
        except OSError:
            content, inside = None, True
        if content is None or not inside:
            yield finding_at(
                loaded,
                (*at, "bestand"),
                "PA223",
                f"Het bestand '{bestand}' bestaat niet in de repository"
                f"{'' if inside else ' (het verwijst naar een plek erbuiten)'}. Controleer het pad "
                "(vanaf de hoofdmap, met / tussen mappen) of voeg het bestand toe.",
            )
            continue
        digest = hashlib.sha256(content).hexdigest()
        if document.sha256 is None:
            yield finding_at(
                loaded,
                (*at, "bestand"),
                "PA224",
                "Bij een bestand hoort een sha256, zodat een gewijzigd document opvalt. Voeg toe: "
                f'sha256: "{digest}".',
            )
        elif document.sha256 != digest:
            yield finding_at(
                loaded,
                (*at, "sha256"),
                "PA224",
                f"Het bestand '{bestand}' is veranderd: de sha256 is nu {digest}. Een getekend document "
                "hoort niet te veranderen; zet het oorspronkelijke bestand terug. Is dit bewust een "
                "nieuwe versie, neem dan de nieuwe sha256 over.",
            )


# Warnings ------------------------------------------------------------------------------


@rule("PA310")
def afspraak_after_overeenkomst(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA310: an afspraak still lopend after its overeenkomst's period."""
    for loaded in dataset.afspraken:
        afspraak = loaded.model
        overeenkomst = dataset.overeenkomst_of(afspraak)
        if afspraak.status != "lopend" or overeenkomst is None:
            continue
        if peildatum <= overeenkomst.periode.tot or overeenkomst.periode.van > overeenkomst.periode.tot:
            continue
        yield finding_at(
            loaded,
            ("status",),
            "PA310",
            f"Overeenkomst '{overeenkomst.id}' liep tot en met {dutch.datum(overeenkomst.periode.tot)}, "
            "maar deze afspraak staat nog op lopend. Sluit haar af met status: afgerond (de eindstand "
            "telt dan), of zet haar over naar de opvolgende overeenkomst.",
        )


@rule("PA311")
def unsigned_overeenkomst(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA311: an overeenkomst file without ondertekend whose period has started."""
    for loaded in dataset.overeenkomsten:
        model = loaded.model
        if model.ondertekend is None and model.periode.van <= peildatum:
            yield finding_at(
                loaded,
                ("periode", "van"),
                "PA311",
                f"De looptijd begon op {dutch.datum(model.periode.van)}, maar deze overeenkomst heeft geen "
                "datum van ondertekening. Is zij getekend, voeg dan 'ondertekend: JJJJ-MM-DD' toe; "
                "anders blijft zij een concept.",
            )


@rule("PA312")
def merged_trekker(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA312: a party that merged into another is trekker of a project still active after the merger."""
    for loaded in dataset.projecten:
        project = loaded.model
        partij = dataset.partijen.get(project.trekker)
        merged = partij.opgegaan_in if partij is not None else None
        if merged is None or merged.per > peildatum:
            continue
        if status_at(project, peildatum) in ("opgeleverd", "vervallen"):
            continue
        opvolger = dataset.partijen.get(merged.partij)
        naam = opvolger.naam if opvolger is not None else merged.partij
        yield finding_at(
            loaded,
            ("trekker",),
            "PA312",
            f"'{project.trekker}' is per {dutch.datum(merged.per)} opgegaan in {naam}, maar trekt dit "
            f"lopende project nog. Zet trekker: {merged.partij} (en neem die partij op bij 'partijen').",
        )


@rule("PA220")
def cyclus_overeenkomst(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA220: a trajectory of the Woningwet cycle that names an overeenkomst names a known one."""
    for loaded in dataset.cycli:
        for index, traject in enumerate(loaded.model.trajecten):
            ident = traject.overeenkomst
            if ident is None:
                continue
            path = ("trajecten", index, "overeenkomst")
            if not dataset.has_overeenkomsten:
                if ident != IMPLICIT_OVEREENKOMST:
                    yield finding_at(
                        loaded,
                        path,
                        "PA220",
                        f"Dit traject noemt overeenkomst '{ident}', maar er is geen map "
                        "data/overeenkomsten/. Leg de overeenkomst vast in "
                        f"data/overeenkomsten/{ident}.yaml, of verwijder de regel 'overeenkomst'.",
                    )
                continue
            found = _unknown_overeenkomst(dataset, loaded, path, ident)
            if found is not None:
                yield found
