"""Per year: what a doel had realised and what was expected, cumulatively (the trend chart).

The status engine answers for one peildatum; the chart asks the same question at the end
of each year of the afspraak's period up to the peildatum (the peildatum itself in its
year). So the last point of a series is the engine's own figure at the peildatum, and
tests/test_report_trend.py holds every series against ``status --format json``.

- **gerealiseerd** at a day: what the afspraak's projects in the selection delivered from
  1 January of the first year up to that day (each phase on its date, the remainder on
  ``opgeleverd``: ``targetstate.deliveries``), summed as the engine sums.
- **verwacht** at a day: as the engine: the cumulative jaarschijven (pro rata in the
  peildatum's year), or the target spread evenly over the period; under ``--gemeente``
  its ``per_gemeente`` target, evenly. Rounded to one decimal as the engine rounds.

Series are made for doelen whose realisation comes from projects (``bron: projecten``,
a sum) and that have a target in the selection; a doel read from metingen has no series.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from prestatie import expected
from prestatie.dataset import DataSet
from prestatie.models import Afspraak, Doel, Project
from prestatie.selection import resolve_selection
from prestatie.targetstate import delivered_in, expected_value

JAARSCHIJVEN = "jaarschijven"
LINEAIR = "lineair"


@dataclass(frozen=True, slots=True)
class JaarPunt:
    """One year of a series: the figures at its last day (or at the peildatum)."""

    jaar: int
    tot: dt.date
    gerealiseerd: float
    verwacht: float


@dataclass(frozen=True, slots=True)
class Reeks:
    """The per-year series of one doel of one afspraak in the selection."""

    afspraak: str
    indicator: str
    streefwaarde: float
    pad: str  # JAARSCHIJVEN or LINEAIR: what verwacht follows
    punten: tuple[JaarPunt, ...]


def _counts_projects(doel: Doel) -> bool:
    return doel.bron == "projecten" and doel.telling == "som"


def _by_afspraak(projects: Iterable[Project]) -> dict[str, list[Project]]:
    result: dict[str, list[Project]] = defaultdict(list)
    for project in projects:
        for afspraak_id in dict.fromkeys(project.afspraken):
            result[afspraak_id].append(project)
    return result


def _days(afspraak: Afspraak, peildatum: dt.date) -> list[dt.date]:
    """The end of each year of the period up to the peildatum's year; the peildatum in its own."""
    last = min(afspraak.periode.tot, peildatum.year)
    return [min(dt.date(year, 12, 31), peildatum) for year in range(afspraak.periode.van, last + 1)]


def reeks(
    afspraak: Afspraak,
    doel: Doel,
    projects: Sequence[Project],
    *,
    gemeente: str | None,
    peildatum: dt.date,
) -> Reeks | None:
    """The series of one doel over the projects that count for it in the selection;
    None when it has no target there, or its realisation is not a sum of projects."""
    if not _counts_projects(doel):
        return None
    target: float | None = doel.streefwaarde
    pad = JAARSCHIJVEN if doel.jaarschijven else LINEAIR
    regional = True
    if gemeente is not None and afspraak.gemeenten != [gemeente]:
        # As the status engine: per_gemeente; an afspraak of the gemeente alone keeps its own.
        target = (doel.per_gemeente or {}).get(gemeente)
        pad = LINEAIR
        regional = False
    if target is None:
        return None
    van, tot = afspraak.periode.van, afspraak.periode.tot
    days = [dt.date(year, 12, 31) for year in range(van, tot + 1)]
    # Year ends before the peildatum; the last point is the peildatum itself (after the
    # period it stands for the period's end).
    days = [day for day in days if day < min(peildatum, dt.date(tot, 12, 31))]
    if dt.date(van, 1, 1) <= peildatum:
        days.append(peildatum)  # the last point: the engine's own question
    punten = []
    for day in days:
        # The engine's verwacht (targetstate): at the eindstand the target itself.
        exact: Fraction = expected_value(afspraak, doel, target, day, regional=regional)
        end = min(day, dt.date(tot, 12, 31))
        # As the engine counts: deliveries in the window (phases on their date), targetstate.
        first = dt.date(van, 1, 1)
        done = math.fsum(delivered_in(p, doel.indicator, first, end) for p in projects)
        punten.append(JaarPunt(end.year, end, done, expected.round_1(exact)))
    if not punten:  # the period has not started
        return None
    return Reeks(afspraak.id, doel.indicator, target, pad, tuple(punten))


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
    selection = resolve_selection(dataset, gemeente=gemeente, corporatie=corporatie, thema=thema)
    party = [p.model for p in dataset.projecten if selection.counts(p.model)]
    by_afspraak = _by_afspraak(party)
    result: dict[tuple[str, str], Reeks] = {}
    for ident in afspraken:
        loaded = dataset.afspraken_by_id.get(ident)
        if loaded is None:
            continue
        afspraak = loaded.model
        for doel in afspraak.doelen:
            found = reeks(
                afspraak,
                doel,
                by_afspraak.get(ident, []),
                gemeente=selection.gemeente,
                peildatum=peildatum,
            )
            if found is not None:
                result[(ident, doel.indicator)] = found
    return result
