"""The status arithmetic of DESIGN.md: pure computation over a valid data set.

Decisions beyond DESIGN.md (also in README.md, "prestatie status"):

- A project's status at the peildatum is ``projectstate.status_at``: opgeleverd
  only when delivered on or before the peildatum; delivered later, it counts as in
  uitvoering; otherwise its current status (the data holds no other history).
- Idee, gepauzeerd and vervallen projects count in neither gerealiseerd nor the
  pipeline (in uitvoering, in voorbereiding): ``projectstate.figure_at``. A project linked to several
  afspraken counts in each.
- Verdicts compare with verwacht as shown, rounded to one decimal.
- ``gewijzigd`` is computed like ``lopend``: the file holds the changed agreement.
- ``geen lokaal doel`` says nothing about progress: an afspraak's verdict is the
  worst of its other doelen, and ``geen lokaal doel`` only when all doelen have it.
- ``--corporatie`` counts the projects where it is trekker or partij, against the
  regional targets; afspraken where it is neither trekker nor partij and that have
  none of its projects are left out.
- ``--thema`` keeps the afspraken of that thema; the project lists then hold only
  projects linked to one of those afspraken.
- Which afspraken and projects are selected is ``prestatie.selection`` (shared with
  the report's changes section and diff).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from fractions import Fraction

from prestatie.dataset import DataSet
from prestatie.models import Afspraak, Doel, Project
from prestatie.projectstate import (
    FIGURES,
    GEREALISEERD,
    IN_UITVOERING,
    IN_VOORBEREIDING,
    figure_at,
    is_stale,
    is_vertraagd,
    last_voortgang,
    status_at,
)
from prestatie.selection import Selection, resolve_selection
from prestatie.status import expected
from prestatie.status.model import (
    AANDACHT,
    ACHTER,
    AFGEROND,
    GEEN_LOKAAL_DOEL,
    OP_KOERS,
    VERVALLEN,
    AfspraakStatus,
    DoelStatus,
    Figures,
    Filter,
    ProjectCounts,
    StatusReport,
    StilProject,
    VertraagdProject,
)

# Worst first: an afspraak takes the verdict of its worst doel.
_RANK = {ACHTER: 0, AANDACHT: 1, OP_KOERS: 2, GEEN_LOKAAL_DOEL: 3}
_FROM_STATUS = {"afgerond": AFGEROND, "vervallen": VERVALLEN}


def compute_status(
    dataset: DataSet,
    *,
    peildatum: dt.date,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
) -> StatusReport:
    """Progress of every selected afspraak at the peildatum.

    ``gemeente``, ``corporatie`` and ``thema`` are ids or names (case-insensitive);
    an unknown one raises ``UsageError``. The data set must be valid.
    """
    selection = resolve_selection(dataset, gemeente=gemeente, corporatie=corporatie, thema=thema)
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
    listed = [p for p in party if selection.project(p, afspraak_themas)]
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
    )


# Selecting ---------------------------------------------------------------------


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
    verdict = _FROM_STATUS.get(afspraak.status)
    if verdict is None and doelen:
        verdict = min((d.verdict for d in doelen), key=_RANK.__getitem__)
    if verdict is None:  # no doelen: the projects say it; without any, nothing shows progress
        verdict = ACHTER if counts.vertraagd else OP_KOERS if counts.totaal else AANDACHT
    return AfspraakStatus(
        id=afspraak.id,
        nummer=afspraak.nummer,
        titel=afspraak.titel,
        thema=afspraak.thema,
        status=afspraak.status,
        verdict=verdict,
        doelen=doelen,
        projecten=counts,
    )


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
    regional_verwacht = (
        expected.from_jaarschijven(doel.jaarschijven, peildatum)
        if doel.jaarschijven
        else expected.linear(doel.streefwaarde, afspraak.periode.van, afspraak.periode.tot, peildatum)
    )
    if selection.gemeente is None:
        figures = _figures(afspraak, doel.indicator, local, peildatum, doel.streefwaarde, regional_verwacht)
        return DoelStatus(doel.indicator, naam, eenheid, figures)
    target = (doel.per_gemeente or {}).get(selection.gemeente)
    if target is not None:
        verwacht = expected.linear(target, afspraak.periode.van, afspraak.periode.tot, peildatum)
        figures = _figures(afspraak, doel.indicator, local, peildatum, target, verwacht)
        return DoelStatus(doel.indicator, naam, eenheid, figures)
    figures = _figures(afspraak, doel.indicator, local, peildatum, None, None)
    context = _figures(afspraak, doel.indicator, regional, peildatum, doel.streefwaarde, regional_verwacht)
    return DoelStatus(doel.indicator, naam, eenheid, figures, regionaal=context)


def _figures(
    afspraak: Afspraak,
    indicator: str,
    projects: Sequence[Project],
    peildatum: dt.date,
    streefwaarde: float | None,
    verwacht_exact: Fraction | None,
) -> Figures:
    amounts: dict[str, list[float]] = {figure: [] for figure in FIGURES}
    for project in projects:
        amount = project.bijdragen.get(indicator)
        figure = figure_at(project, peildatum)
        if amount and figure is not None:
            amounts[figure].append(amount)
    gerealiseerd = math.fsum(amounts[GEREALISEERD])
    in_uitvoering = math.fsum(amounts[IN_UITVOERING])
    verwacht = expected.round_1(verwacht_exact) if verwacht_exact is not None else None
    verdict = _FROM_STATUS.get(afspraak.status)
    if verdict is None:
        if verwacht is None:
            verdict = GEEN_LOKAAL_DOEL
        elif gerealiseerd >= verwacht:
            verdict = OP_KOERS
        elif gerealiseerd + in_uitvoering >= verwacht:
            verdict = AANDACHT
        else:
            verdict = ACHTER
    return Figures(
        streefwaarde=streefwaarde,
        verwacht=verwacht,
        gerealiseerd=gerealiseerd,
        in_uitvoering=in_uitvoering,
        in_voorbereiding=math.fsum(amounts[IN_VOORBEREIDING]),
        verdict=verdict,
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
