"""Per year: what a doel had reached and what was expected (the trend chart).

The status engine answers for one peildatum; the chart asks the engine the same question
at the end of each year of the afspraak's period up to the peildatum (the peildatum
itself in its year), through the engine's own ``doel_figures``: the same target (regional,
per_gemeente or the afspraak of one gemeente alone, ``target_of``), the same scope and the
same measurement. So the last point of a series is the engine's figure at the peildatum,
and tests/test_report_trend.py holds every series against ``status --format json``.

- A **som** (from projects or flow metingen) is cumulative: what was delivered or
  counted from 1 January of the first year up to that day; a composite is its plus minus
  its min, so it can fall and be negative.
- A **stand** is the newest meting on or before that day (None before the first one).
- **verwacht** is the engine's: cumulative jaarschijven or an even path (som), the target
  level or the straight line from the nulmeting (stand); after the period the target.

Series are made for every doel that has a target in the selection.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from prestatie.dataset import DataSet
from prestatie.models import Afspraak, Doel, Project
from prestatie.selection import Selection, selection_at
from prestatie.status.engine import doel_figures, target_of

# What verwacht follows.
JAARSCHIJVEN = "jaarschijven"
LINEAIR = "lineair"
NULMETING = "nulmeting"  # a stand: the straight line from the nulmeting to the target
NIVEAU = "niveau"  # a stand: the target level itself

SOM = "som"
STAND = "stand"


@dataclass(frozen=True, slots=True)
class Deel:
    """One component of a composite doel at a day: its indicator, sign and value."""

    indicator: str
    naam: str
    teken: int
    gerealiseerd: float | None


@dataclass(frozen=True, slots=True)
class JaarPunt:
    """One year of a series: the figures at its last day (or at the peildatum)."""

    jaar: int
    tot: dt.date
    gerealiseerd: float | None  # None: a stand without a meting yet
    verwacht: float
    onderdelen: tuple[Deel, ...] = ()


@dataclass(frozen=True, slots=True)
class Reeks:
    """The per-year series of one doel of one afspraak in the selection."""

    afspraak: str
    indicator: str
    streefwaarde: float
    pad: str  # JAARSCHIJVEN, LINEAIR, NULMETING or NIVEAU: what verwacht follows
    soort: str  # SOM (cumulative) or STAND (a level)
    maximaal: bool  # the target is an upper bound
    punten: tuple[JaarPunt, ...]

    @property
    def samengesteld(self) -> bool:
        return any(p.onderdelen for p in self.punten)


def _by_afspraak(projects: Iterable[Project]) -> dict[str, list[Project]]:
    result: dict[str, list[Project]] = defaultdict(list)
    for project in projects:
        for afspraak_id in dict.fromkeys(project.afspraken):
            result[afspraak_id].append(project)
    return result


def _days(afspraak: Afspraak, peildatum: dt.date) -> list[dt.date]:
    """The end of each year of the period before the peildatum, then the peildatum itself
    (the engine's own question; after the period it stands for the period's end)."""
    van, tot = afspraak.periode.van, afspraak.periode.tot
    if peildatum < dt.date(van, 1, 1):
        return []  # the period has not started
    last = min(peildatum, dt.date(tot, 12, 31))
    ends = [dt.date(year, 12, 31) for year in range(van, tot + 1)]
    return [day for day in ends if day < last] + [peildatum]


def _pad(doel: Doel, regional: bool) -> str:
    if doel.telling == "stand":
        return NULMETING if doel.nulmeting is not None and regional else NIVEAU
    return JAARSCHIJVEN if doel.jaarschijven and regional else LINEAIR


def reeks(
    dataset: DataSet,
    afspraak: Afspraak,
    doel: Doel,
    projects: Sequence[Project],
    selection: Selection,
    *,
    peildatum: dt.date,
) -> Reeks | None:
    """The series of one doel over the afspraak's projects in the selection; None when it
    has no target there or its period has not started."""
    target, regional, _ = target_of(afspraak, doel, selection)
    if target is None:
        return None
    period_end = dt.date(afspraak.periode.tot, 12, 31)
    punten = []
    for day in _days(afspraak, peildatum):
        figures = doel_figures(dataset, afspraak, doel, projects, selection, day)
        assert figures.verwacht is not None  # a target gives a verwacht
        punten.append(
            JaarPunt(
                jaar=min(day, period_end).year,
                tot=min(day, period_end),
                gerealiseerd=figures.gerealiseerd,
                verwacht=figures.verwacht,
                onderdelen=tuple(
                    Deel(o.indicator, o.naam, o.teken, o.gerealiseerd) for o in figures.onderdelen
                ),
            )
        )
    if not punten:
        return None
    return Reeks(
        afspraak=afspraak.id,
        indicator=doel.indicator,
        streefwaarde=target,
        pad=_pad(doel, regional),
        soort=STAND if doel.telling == "stand" else SOM,
        maximaal=doel.richting == "maximaal",
        punten=tuple(punten),
    )


def reeksen(
    dataset: DataSet,
    afspraken: Iterable[str],
    *,
    peildatum: dt.date,
    gemeente: str | None = None,
    corporatie: str | None = None,
    thema: str | None = None,
) -> dict[tuple[str, str], Reeks]:
    """The series of every doel of the given afspraken (ids, as the status engine selected
    them) in the selection, by (afspraak id, indicator id)."""
    # The engine's selection: a corporatie with the parties that merged into it.
    selection, _ = selection_at(
        dataset, peildatum=peildatum, gemeente=gemeente, corporatie=corporatie, thema=thema
    )
    by_afspraak = _by_afspraak(p.model for p in dataset.projecten if selection.counts(p.model))
    result: dict[tuple[str, str], Reeks] = {}
    for ident in afspraken:
        loaded = dataset.afspraken_by_id.get(ident)
        if loaded is None:
            continue
        afspraak = loaded.model
        for doel in afspraak.doelen:
            found = reeks(dataset, afspraak, doel, by_afspraak.get(ident, []), selection, peildatum=peildatum)
            if found is not None:
                result[(ident, doel.indicator)] = found
    return result
