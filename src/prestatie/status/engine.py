"""The status arithmetic of DESIGN.md (version 2): pure computation over a valid data set.

The arithmetic of one doel (windows, phases, metingen, composites, verwacht and the
verdict) is ``prestatie.targetstate``, shared with validate (PA313, PA314); this module
chooses the afspraken, scopes and targets and assembles the report.

Decisions beyond DESIGN.md (also in README.md, "prestatie status"):

- A project's status at the peildatum is ``projectstate.status_at``: opgeleverd
  only when delivered on or before the peildatum; delivered later, it counts as in
  uitvoering; otherwise its current status (the data holds no other history).
- Delivered phases count on their date whatever the project's status now; the rest of
  an idee, gepauzeerd or vervallen project counts in neither gerealiseerd nor the
  pipeline. A project linked to several afspraken counts in each (in each one's window).
- Verdicts compare with verwacht as shown, rounded to one decimal.
- ``gewijzigd`` is computed like ``lopend``: the file holds the changed agreement.
- ``geen lokaal doel`` says nothing about progress: an afspraak's verdict is the
  worst of its other doelen, and ``geen lokaal doel`` only when all doelen have it.
- ``--corporatie`` counts the projects where it (or a party that merged into it) is
  trekker or partij, and its own metingen, against the regional targets; afspraken where
  it is neither trekker nor partij and that have none of its projects are left out.
- ``--thema`` keeps the afspraken of that thema; the project lists then hold only
  projects linked to one of those afspraken.
- Under ``--gemeente``, an afspraak that applies to that gemeente alone has its
  streefwaarde as the local target (with its jaarschijven).
- A nulmeting draws its line for the regional target only; a per_gemeente target of a
  stand is a level from the start.
- Which afspraken and projects are selected, and which overeenkomsten they belong to,
  is ``prestatie.selection`` (shared with the report's changes section, export and diff).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from prestatie.dataset import DataSet
from prestatie.expected import round_1
from prestatie.models import NIVEAUS, Afspraak, Doel, Overeenkomst, Project, Verantwoording
from prestatie.projectstate import is_stale, is_vertraagd, last_voortgang, status_at
from prestatie.selection import Selection, afspraak_overeenkomsten, selection_at
from prestatie.status.model import (
    AANDACHT,
    ACHTER,
    AFGEROND,
    OP_KOERS,
    VERVALLEN,
    AfspraakStatus,
    DoelStatus,
    Figures,
    Filter,
    Onderdeel,
    OvereenkomstInfo,
    ProjectCounts,
    StatusReport,
    StilProject,
    VertraagdProject,
)
from prestatie.targetstate import (
    Scope,
    expected_value,
    is_eindstand,
    judge,
    measure,
    worst,
)


def compute_status(
    dataset: DataSet,
    *,
    peildatum: dt.date,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
    overeenkomst: str | None = None,
) -> StatusReport:
    """Progress of every selected afspraak at the peildatum.

    ``gemeente``, ``corporatie`` and ``thema`` are ids or names (case-insensitive; a
    corporatie also by a former name); ``overeenkomst`` an id or 'alle' (default: those
    running at the peildatum, else the last that ended). An unknown one raises
    ``UsageError``. The data set must be valid. Which afspraken and projects (and which
    overeenkomsten) is ``prestatie.selection``.
    """
    selection, notes = selection_at(
        dataset,
        peildatum=peildatum,
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
        overeenkomst=overeenkomst,
    )
    shown = shown_overeenkomsten(dataset, selection)
    party = [p.model for p in dataset.projecten if selection.takes_part(p.model)]
    regional = _by_afspraak(party)
    local = regional
    if selection.gemeente is not None:
        local = _by_afspraak(p for p in party if p.gemeente == selection.gemeente)
    linked = selection.linked(p.model for p in dataset.projecten)
    afspraken = [a.model for a in dataset.afspraken if selection.afspraak(a.model, linked)]
    thema_order = {ident: index for index, ident in enumerate(dataset.themas_by_id)}
    afspraken.sort(key=lambda a: (thema_order.get(a.thema, len(thema_order)), _nummer_key(a.nummer), a.id))
    results = tuple(
        _afspraak_status(dataset, a, local.get(a.id, []), regional.get(a.id, []), selection, peildatum)
        for a in afspraken
    )
    afspraak_themas = {a.model.id: a.model.thema for a in dataset.afspraken}
    agreements = afspraak_overeenkomsten(dataset) if selection.chosen_overeenkomsten is not None else None
    listed = [p for p in party if selection.project(p, afspraak_themas, agreements)]
    return StatusReport(
        peildatum=peildatum,
        filter=_filter(dataset, selection),
        afspraken=results,
        vertraagde_projecten=_vertraagd(listed, peildatum),
        projecten_zonder_voortgang=_stil(listed, peildatum),
        regio=dataset.regio.model.naam if dataset.regio is not None else "",
        themas=tuple((t.id, t.naam) for t in dataset.themas_by_id.values()),
        voorbeeldgegevens=dataset.regio.model.voorbeeldgegevens if dataset.regio is not None else False,
        projecten=tuple(p.id for p in listed),
        overeenkomsten=tuple(
            OvereenkomstInfo(
                o.id,
                o.titel,
                o.niveau,
                o.periode.van,
                o.periode.tot,
                o.periode.van <= peildatum <= o.periode.tot,
                o.periode.tot < peildatum,
            )
            for o in shown
        ),
        notes=notes,
    )


# Selecting ---------------------------------------------------------------------


def shown_overeenkomsten(dataset: DataSet, selection: Selection) -> list[Overeenkomst]:
    """The overeenkomsten the selection covers (``Selection.overeenkomsten``), the widest
    first (nationaal, regionaal, lokaal, jaarschijf), then by start."""
    covered = selection.overeenkomsten
    chosen = [o for o in dataset.overeenkomsten_by_id.values() if covered is None or o.id in covered]
    return sorted(chosen, key=lambda o: (NIVEAUS.index(o.niveau), o.periode.van, o.id))


def _overeenkomst_id(dataset: DataSet, afspraak: Afspraak) -> str | None:
    found = dataset.overeenkomst_of(afspraak)
    return found.id if found is not None else None


def _by_afspraak(projects: Iterable[Project]) -> dict[str, list[Project]]:
    result: dict[str, list[Project]] = defaultdict(list)
    for project in projects:
        for afspraak_id in dict.fromkeys(project.afspraken):  # a repeated link counts once
            result[afspraak_id].append(project)
    return result


def _nummer_key(nummer: str | None) -> tuple[tuple[int, int | str], ...]:
    if nummer is None:
        return ((2, ""),)
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in nummer.split("."))


def _filter(dataset: DataSet, selection: Selection) -> Filter:
    def name(ident: str | None, names: dict[str, str]) -> str | None:
        return names.get(ident, ident) if ident is not None else None

    return Filter(
        gemeente=selection.gemeente,
        corporatie=selection.corporatie,
        thema=selection.thema,
        gemeente_naam=name(selection.gemeente, {i: g.naam for i, g in dataset.gemeenten.items()}),
        corporatie_naam=name(selection.corporatie, {i: c.naam for i, c in dataset.corporaties.items()}),
        thema_naam=name(selection.thema, {i: t.naam for i, t in dataset.themas_by_id.items()}),
        overeenkomst=selection.overeenkomst,
    )


# Computing ---------------------------------------------------------------------


def _afspraak_status(
    dataset: DataSet,
    afspraak: Afspraak,
    local: Sequence[Project],
    regional: Sequence[Project],
    selection: Selection,
    peildatum: dt.date,
) -> AfspraakStatus:
    doelen = tuple(
        _doel_status(dataset, afspraak, d, local, regional, selection, peildatum) for d in afspraak.doelen
    )
    counts = _counts(local, peildatum)
    verdict: str | None
    if afspraak.status == "vervallen":
        verdict = VERVALLEN
    elif doelen:
        verdict = worst(d.verdict for d in doelen)
    elif afspraak.status == "afgerond":
        verdict = AFGEROND
    else:  # no doelen: the projects say it; without any, nothing shows progress
        verdict = ACHTER if counts.vertraagd else OP_KOERS if counts.totaal else AANDACHT
    return AfspraakStatus(
        id=afspraak.id,
        nummer=afspraak.nummer,
        titel=afspraak.titel,
        thema=afspraak.thema,
        status=afspraak.status,
        verdict=verdict or OP_KOERS,
        doelen=doelen,
        projecten=counts,
        overeenkomst=_overeenkomst_id(dataset, afspraak) or "",
        eindstand=is_eindstand(afspraak, peildatum),
        verantwoording=_newest_verantwoording(afspraak.verantwoording, peildatum),
    )


def _newest_verantwoording(entries: Sequence[Verantwoording], peildatum: dt.date) -> Verantwoording | None:
    known = [v for v in entries if v.datum <= peildatum]
    return max(known, key=lambda v: v.datum) if known else None


def _doel_status(
    dataset: DataSet,
    afspraak: Afspraak,
    doel: Doel,
    local: Sequence[Project],
    regional: Sequence[Project],
    selection: Selection,
    peildatum: dt.date,
) -> DoelStatus:
    indicator = dataset.indicatoren.get(doel.indicator)
    naam = indicator[0].naam if indicator else doel.indicator
    eenheid = indicator[0].eenheid if indicator else ""

    def make(figures: Figures, context: Figures | None = None) -> DoelStatus:
        return DoelStatus(
            doel.indicator,
            naam,
            eenheid,
            figures,
            regionaal=context,
            telling=doel.telling,
            bron=doel.bron,
            richting=doel.richting,
        )

    figures = doel_figures(dataset, afspraak, doel, local, selection, peildatum)
    if figures.streefwaarde is not None:
        return make(figures)
    # No target for this gemeente: the regional figures beside it, for comparison.
    context = _figures(dataset, afspraak, doel, regional, None, doel.streefwaarde, True, peildatum)
    return make(figures, context)


def target_of(afspraak: Afspraak, doel: Doel, selection: Selection) -> tuple[float | None, bool, Scope]:
    """The target a doel has in the selection (None: no local target), whether it is the
    regional one (so that jaarschijven and a nulmeting apply), and where it is measured."""
    if selection.gemeente is None:
        scope: Scope = ("corporatie", selection.corporatie) if selection.corporatie else None
        return doel.streefwaarde, True, scope
    local: Scope = ("gemeente", selection.gemeente)
    target = (doel.per_gemeente or {}).get(selection.gemeente)
    if target is None and afspraak.gemeenten == [selection.gemeente]:
        # An afspraak of this gemeente alone (e.g. a local jaarschijf): its target is local.
        return doel.streefwaarde, True, local
    return target, False, local


def doel_figures(
    dataset: DataSet,
    afspraak: Afspraak,
    doel: Doel,
    projects: Sequence[Project],
    selection: Selection,
    peildatum: dt.date,
) -> Figures:
    """A doel's figures in the selection at a day, against the target ``target_of`` chooses:
    the one function the status table and the trend series (``status.series``) share.
    ``projects`` are the afspraak's projects in the selection."""
    target, regional, scope = target_of(afspraak, doel, selection)
    return _figures(dataset, afspraak, doel, projects, scope, target, regional, peildatum)


def _figures(
    dataset: DataSet,
    afspraak: Afspraak,
    doel: Doel,
    projects: Sequence[Project],
    scope: Scope,
    target: float | None,
    regional: bool,
    peildatum: dt.date,
) -> Figures:
    measured = measure(dataset, afspraak, doel.indicator, doel.telling, doel.bron, projects, scope, peildatum)
    verwacht = (
        round_1(expected_value(afspraak, doel, target, peildatum, regional=regional))
        if target is not None
        else None
    )
    names = {ident: ind.naam for ident, (ind, _) in dataset.indicatoren.items()}
    composite = len(measured.parts) > 1 or (measured.parts and measured.parts[0].indicator != doel.indicator)
    return Figures(
        streefwaarde=target,
        verwacht=verwacht,
        gerealiseerd=measured.gerealiseerd,
        in_uitvoering=measured.in_uitvoering,
        in_voorbereiding=measured.in_voorbereiding,
        verdict=judge(afspraak, doel, measured, target, verwacht, peildatum),
        meting_datum=measured.meting_datum,
        meting_bron=measured.meting_bron,
        onderdelen=tuple(
            Onderdeel(p.indicator, names.get(p.indicator, p.indicator), p.teken, p.gerealiseerd)
            for p in measured.parts
        )
        if composite
        else (),
    )


def _counts(projects: Sequence[Project], peildatum: dt.date) -> ProjectCounts:
    statuses = [status_at(p, peildatum) for p in projects]
    return ProjectCounts(
        totaal=len(projects),
        opgeleverd=statuses.count("opgeleverd"),
        uitvoering=statuses.count("uitvoering"),
        voorbereiding=statuses.count("voorbereiding"),
        idee=statuses.count("idee"),
        gepauzeerd=statuses.count("gepauzeerd"),
        vervallen=statuses.count("vervallen"),
        vertraagd=sum(1 for p in projects if is_vertraagd(p, peildatum)),
    )


def _vertraagd(projects: Iterable[Project], peildatum: dt.date) -> tuple[VertraagdProject, ...]:
    found = [
        VertraagdProject(p.id, p.naam, p.gemeente, status_at(p, peildatum), p.planning.oplevering)
        for p in projects
        if p.planning is not None and is_vertraagd(p, peildatum)
    ]
    return tuple(sorted(found, key=lambda p: (p.oplevering, p.id)))


def _stil(projects: Iterable[Project], peildatum: dt.date) -> tuple[StilProject, ...]:
    found = [
        StilProject(p.id, p.naam, p.gemeente, status_at(p, peildatum), last_voortgang(p, peildatum))
        for p in projects
        if is_stale(p, peildatum)
    ]
    return tuple(sorted(found, key=lambda p: (p.laatste_voortgang or dt.date.min, p.id)))
