"""Version 2 rules about target kinds, phased delivery, metingen and composite indicators.

See docs/gegevens.md for these parts of the data model (target kinds, phased
delivery, metingen, composite indicators). The arithmetic these rules share with status lives in
``targetstate``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from prestatie import dutch
from prestatie.dataset import DataSet, Loaded
from prestatie.findings import Finding
from prestatie.models import Afspraak, Indicator
from prestatie.rules.helpers import finding_at, suggestion
from prestatie.rules.registry import rule
from prestatie.targetstate import (
    STAND_STALE_MONTHS,
    components,
    newest_stand,
    phase_total,
    stand_is_stale,
    window,
)
from prestatie.yamlread import YamlPath

_TOLERANCE = 1e-6


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _unknown(
    loaded: Loaded[Any],
    path: YamlPath,
    ident: str,
    options: Iterable[str],
    kind: str,
    where: str,
    *,
    key: bool = False,
) -> Finding:
    return finding_at(
        loaded,
        path,
        "PA203",
        f"Er bestaat geen {kind} met de id '{ident}'.{suggestion(ident, options)} Gebruik een id die in "
        f"{where} staat (let op: de id, niet de naam).",
        key=key,
    )


# Target kinds --------------------------------------------------------------------------


@rule("PA225")
def doel_kinds(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA225: a stand is read from metingen and has no jaarschijven; a nulmeting needs a stand."""
    for loaded in dataset.afspraken:
        for i, doel in enumerate(loaded.model.doelen):
            if doel.telling == "stand" and doel.bron != "metingen":
                yield finding_at(
                    loaded,
                    ("doelen", i, "telling"),
                    "PA225",
                    "Een stand wordt gemeten, niet opgeteld uit projecten: zet bij dit doel ook "
                    "'bron: metingen' (en leg de metingen vast in "
                    f"data/metingen/{doel.indicator}.yaml), of gebruik telling: som.",
                )
            if doel.telling == "stand" and doel.jaarschijven:
                yield finding_at(
                    loaded,
                    ("doelen", i, "jaarschijven"),
                    "PA225",
                    "Een stand heeft geen jaarschijven: het doel is een niveau op een datum. Verwijder "
                    "de jaarschijven, of gebruik een nulmeting voor een geleidelijk pad naar de "
                    "streefwaarde.",
                    key=True,
                )
            if doel.nulmeting is not None and doel.telling != "stand":
                yield finding_at(
                    loaded,
                    ("doelen", i, "nulmeting"),
                    "PA225",
                    "Een nulmeting hoort bij een stand (telling: stand): het beginpunt van de lijn naar "
                    "de streefwaarde. Zet telling: stand en bron: metingen, of verwijder de nulmeting.",
                    key=True,
                )


# Phases ------------------------------------------------------------------------------------


@rule("PA203", "PA226", "PA227")
def phases(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA226 phases over the bijdragen; PA227 a phase in the future or after opgeleverd;
    PA203 a phase naming an unknown indicator."""
    for loaded in dataset.projecten:
        project = loaded.model
        if not project.opleveringen:
            continue
        indicators = {ind for phase in project.opleveringen for ind in phase.bijdragen}
        for indicator in sorted(indicators):
            if dataset.themas is not None and indicator not in dataset.indicatoren:
                index = next(i for i, p in enumerate(project.opleveringen) if indicator in p.bijdragen)
                yield _unknown(
                    loaded,
                    ("opleveringen", index, "bijdragen", indicator),
                    indicator,
                    dataset.indicatoren,
                    "indicator",
                    "data/themas.yaml",
                    key=True,
                )
                continue
            total = phase_total(project, indicator)
            bijdrage = project.bijdragen.get(indicator, 0.0)
            if total > bijdrage + _TOLERANCE * max(1.0, abs(bijdrage)):
                last = max(i for i, p in enumerate(project.opleveringen) if indicator in p.bijdragen)
                yield finding_at(
                    loaded,
                    ("opleveringen", last, "bijdragen", indicator),
                    "PA226",
                    f"De fasen leveren samen {_number(total)} voor '{indicator}', maar het hele project "
                    f"draagt {_number(bijdrage)} bij (onder 'bijdragen'). De fasen zijn een deel van "
                    "het project: verhoog de bijdrage of verlaag de fasen.",
                    key=True,
                )
        for i, phase in enumerate(project.opleveringen):
            if phase.datum > peildatum:
                yield finding_at(
                    loaded,
                    ("opleveringen", i, "datum"),
                    "PA227",
                    f"De fase van {dutch.datum(phase.datum)} ligt na de peildatum {dutch.datum(peildatum)}: "
                    "alleen opgeleverde fasen horen onder 'opleveringen'. Zet de werkelijke datum, of "
                    "haal de fase weg tot zij is opgeleverd.",
                )
        last_phase = max(p.datum for p in project.opleveringen)
        if (
            project.status == "opgeleverd"
            and project.opgeleverd is not None
            and project.opgeleverd < last_phase
        ):
            yield finding_at(
                loaded,
                ("opgeleverd",),
                "PA227",
                f"Het project is opgeleverd op {dutch.datum(project.opgeleverd)}, vóór zijn laatste fase "
                f"({dutch.datum(last_phase)}). De oplevering van het hele project komt na de fasen: "
                "controleer beide datums.",
            )


# Metingen --------------------------------------------------------------------------------


@rule("PA201", "PA203", "PA228", "PA229", "PA234", "PA235")
def metingen_files(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA201, PA203 and PA228–PA235 for data/metingen/<indicator>.yaml."""
    for loaded in dataset.metingen:
        model = loaded.model
        if model.indicator != loaded.stem:
            yield finding_at(
                loaded,
                ("indicator",),
                "PA201",
                f"De indicator '{model.indicator}' is anders dan de bestandsnaam '{loaded.stem}.yaml'. "
                f"Maak ze gelijk: hernoem het bestand naar {model.indicator}.yaml of zet "
                f"indicator: {loaded.stem}.",
            )
        if dataset.themas is not None and model.indicator not in dataset.indicatoren:
            yield _unknown(
                loaded, ("indicator",), model.indicator, dataset.indicatoren, "indicator", "data/themas.yaml"
            )
        seen: dict[tuple[Any, ...], int] = {}
        for i, meting in enumerate(model.metingen):
            where = ("metingen", i)
            if not (meting.is_stand or meting.is_stroom):
                yield finding_at(
                    loaded,
                    where,
                    "PA228",
                    "Een meting is een stand (alleen 'datum') of een stroom over een periode ('van' en "
                    "'tot'), niet allebei en niet geen van beide. Schrijf {datum: JJJJ-MM-DD, …} of "
                    "{van: JJJJ-MM-DD, tot: JJJJ-MM-DD, …}.",
                )
                continue
            if meting.van is not None and meting.tot is not None and meting.van > meting.tot:
                yield finding_at(
                    loaded,
                    (*where, "van"),
                    "PA228",
                    f"De stroom begint ({dutch.datum(meting.van)}) na het einde ({dutch.datum(meting.tot)}). "
                    "Controleer 'van' en 'tot'.",
                )
            if meting.gemeente is not None and meting.corporatie is not None:
                yield finding_at(
                    loaded,
                    (*where, "corporatie"),
                    "PA229",
                    "Een meting geldt voor de regio, één gemeente of één corporatie, niet voor een gemeente "
                    "én een corporatie. Verwijder 'gemeente' of 'corporatie'; meet u beide, schrijf dan "
                    "twee metingen.",
                )
            if dataset.regio is not None:
                if meting.gemeente is not None and meting.gemeente not in dataset.gemeenten:
                    yield _unknown(
                        loaded,
                        (*where, "gemeente"),
                        meting.gemeente,
                        dataset.gemeenten,
                        "gemeente",
                        "data/regio.yaml",
                    )
                if meting.corporatie is not None and meting.corporatie not in dataset.corporaties:
                    yield _unknown(
                        loaded,
                        (*where, "corporatie"),
                        meting.corporatie,
                        dataset.corporaties,
                        "corporatie",
                        "data/regio.yaml (onder corporaties)",
                    )
            last = meting.datum or meting.tot
            if last is not None and last > peildatum:
                yield finding_at(
                    loaded,
                    (*where, "datum" if meting.datum is not None else "tot"),
                    "PA235",
                    f"De meting van {dutch.datum(last)} ligt na de peildatum {dutch.datum(peildatum)}: er "
                    "kan nog niet gemeten zijn. Zet de werkelijke datum; een verwachting hoort niet bij "
                    "de metingen.",
                )
            key = (meting.gemeente, meting.corporatie, meting.datum, meting.van, meting.tot)
            if key in seen:
                line, _ = loaded.document.locate(("metingen", seen[key]))
                yield finding_at(
                    loaded,
                    where,
                    "PA234",
                    f"Deze meting heeft dezelfde datum en hetzelfde gebied als die op regel {line}. Houd "
                    "er één over (de juiste waarde), of corrigeer de datum of het gebied.",
                )
            else:
                seen[key] = i


# Composite indicators -------------------------------------------------------------------


@rule("PA203", "PA236", "PA237")
def composites(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA203/PA236 for the components of a composite; PA237 a composite with bijdragen or metingen."""
    themas = dataset.themas
    if themas is None:
        return
    for t, thema in enumerate(themas.model.root):
        for j, indicator in enumerate(thema.indicatoren):
            if indicator.samengesteld is None:
                continue
            parts = (("plus", indicator.samengesteld.plus), ("min", indicator.samengesteld.min))
            for side, ids in parts:
                for k, ident in enumerate(ids):
                    path = (t, "indicatoren", j, "samengesteld", side, k)
                    component = dataset.indicatoren.get(ident)
                    if component is None:
                        yield _unknown(
                            themas, path, ident, dataset.indicatoren, "indicator", "data/themas.yaml"
                        )
                    elif problem := _component_problem(indicator, component[0]):
                        yield finding_at(themas, path, "PA236", problem)
    composite_ids = {i for i, (ind, _) in dataset.indicatoren.items() if ind.samengesteld is not None}
    if not composite_ids:
        return
    message = (
        "'{ind}' is samengesteld: zijn waarde volgt uit zijn onderdelen. Schrijf de bijdrage bij een "
        "onderdeel ({parts}) in plaats van bij '{ind}'."
    )
    disjoint = composite_ids.isdisjoint
    for loaded in dataset.projecten:
        project = loaded.model
        if disjoint(project.bijdragen) and all(disjoint(phase.bijdragen) for phase in project.opleveringen):
            continue  # no bijdrage to a composite: most projects, without building their paths
        paths: list[tuple[YamlPath, str]] = [(("bijdragen", ind), ind) for ind in project.bijdragen]
        paths.extend(
            (("opleveringen", i, "bijdragen", ind), ind)
            for i, phase in enumerate(project.opleveringen)
            for ind in phase.bijdragen
        )
        for where, ind in paths:
            if ind in composite_ids:
                yield finding_at(
                    loaded, where, "PA237", message.format(ind=ind, parts=_parts(dataset, ind)), key=True
                )
    for metingen_file in dataset.metingen:
        ind = metingen_file.model.indicator
        if ind in composite_ids:
            yield finding_at(
                metingen_file,
                ("indicator",),
                "PA237",
                f"'{ind}' is samengesteld en krijgt zelf geen metingen: zijn waarde volgt uit "
                f"{_parts(dataset, ind)}. Leg de metingen per onderdeel vast, in "
                "data/metingen/<onderdeel>.yaml.",
            )


def _component_problem(composite: Indicator, component: Indicator) -> str | None:
    if component.id == composite.id:
        return (
            f"'{composite.id}' kan geen onderdeel van zichzelf zijn. Noem onder plus en min alleen "
            "andere, gewone indicatoren."
        )
    if component.samengesteld is not None:
        return (
            f"'{component.id}' is zelf samengesteld; een onderdeel is een gewone indicator. Noem de "
            f"onderdelen van '{component.id}' hier rechtstreeks."
        )
    if component.eenheid != composite.eenheid:
        return (
            f"'{component.id}' telt in {component.eenheid}, '{composite.id}' in {composite.eenheid}: "
            "alleen indicatoren met dezelfde eenheid kunnen worden opgeteld en afgetrokken."
        )
    return None


def _parts(dataset: DataSet, ident: str) -> str:
    found = dataset.indicatoren.get(ident)
    if found is None or found[0].samengesteld is None:
        return ""
    parts = found[0].samengesteld
    return ", ".join([*parts.plus, *parts.min])


# Warnings ---------------------------------------------------------------------------------


def _judged(afspraak: Afspraak) -> bool:
    return afspraak.status in ("lopend", "gewijzigd")


@rule("PA314")
def stale_stand(dataset: DataSet, peildatum: dt.date) -> Iterator[Finding]:
    """PA314: a stand doel whose newest regional meting is over 13 months old, or absent."""
    for loaded in dataset.afspraken:
        afspraak = loaded.model
        span = window(afspraak, peildatum)
        if not _judged(afspraak) or not span.started:
            continue
        for i, doel in enumerate(afspraak.doelen):
            if doel.telling != "stand" or doel.bron != "metingen":
                continue
            for ident, _ in components(dataset, doel.indicator):
                metingen = dataset.metingen_by_indicator.get(ident)
                if not stand_is_stale(metingen, None, span.last):
                    continue
                yield finding_at(
                    loaded, ("doelen", i, "indicator"), "PA314", _stale_message(metingen, ident, span.last)
                )


def _stale_message(metingen: Any, ident: str, end: dt.date) -> str:
    newest = newest_stand(metingen, None, end)
    where = f"data/metingen/{ident}.yaml"
    if newest is None or newest.datum is None:
        return (
            f"Er is nog geen stand van '{ident}' voor de hele regio gemeten (op of voor "
            f"{dutch.datum(end)}), dus dit doel krijgt geen oordeel. Voeg in {where} een meting toe: "
            "{datum: JJJJ-MM-DD, waarde: …, bron: …}."
        )
    return (
        f"De nieuwste stand van '{ident}' voor de hele regio is van {dutch.datum(newest.datum)}, meer dan "
        f"{STAND_STALE_MONTHS} maanden voor {dutch.datum(end)}. Voeg in {where} een recente meting toe."
    )
