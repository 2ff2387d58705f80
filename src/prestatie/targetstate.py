"""The state of a doel at a peildatum: windows, phased deliveries, metingen.

Shared by validate (the phase rules, the stale-meting warning PA314) and the status
engine, as ``projectstate`` is for PA301/PA302, so that both always agree.

- The **window** of an afspraak with periode {van: Y1, tot: Y2} runs from 1 January
  Y1 up to the earlier of the peildatum and 31 December Y2.
- The **eindstand** applies when the peildatum lies after 31 December Y2 or the
  afspraak is ``afgerond``.
- A project **delivers** each phase (``opleveringen``) on its date and the remainder
  (its ``bijdragen`` minus the phases) on ``opgeleverd``; nothing is counted twice,
  and the remainder is never negative.
- A **stand** meting is read as the newest one in a scope on or before a day; a
  **flow** counts in a window when its ``tot`` lies in it.
- A stand doel's meting is **stale** (PA314) when the newest one in the region on or
  before the end of the window is more than 13 months older than that end, or absent.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from prestatie.dataset import DataSet
from prestatie.expected import elapsed, from_jaarschijven, linear, round_1
from prestatie.models import Afspraak, Doel, Meting, Metingen, Project
from prestatie.projectstate import IN_UITVOERING, IN_VOORBEREIDING, figure_at, months_before

STAND_STALE_MONTHS = 13
VERANTWOORDING_MONTHS = 6

Scope = tuple[str, str] | None  # ('gemeente', id), ('corporatie', id), None: the region


@dataclass(frozen=True, slots=True)
class Window:
    first: dt.date
    last: dt.date  # inclusive; before ``first`` when the period has not started

    @property
    def started(self) -> bool:
        return self.last >= self.first

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def period_end(afspraak: Afspraak) -> dt.date:
    return dt.date(afspraak.periode.tot, 12, 31)


def window(afspraak: Afspraak, peildatum: dt.date) -> Window:
    """1 January of the first year up to the peildatum or the period's last day, if earlier."""
    return Window(dt.date(afspraak.periode.van, 1, 1), min(peildatum, period_end(afspraak)))


def is_eindstand(afspraak: Afspraak, peildatum: dt.date) -> bool:
    return afspraak.status == "afgerond" or peildatum > period_end(afspraak)


# Indicators and projects: phases and the remainder --------------------------------------------------


def phase_total(project: Project, indicator: str) -> float:
    """What the phases of a project deliver for an indicator, all dates together."""
    return math.fsum(p.bijdragen.get(indicator, 0.0) for p in project.opleveringen)


def deliveries(project: Project, indicator: str) -> list[tuple[dt.date, float]]:
    """Each delivery of a project for an indicator: (date, amount), phases then remainder.

    The remainder is only there once the project is opgeleverd (with its date). The
    amounts never add up to more than the bijdrage, however the data is (invalid
    data aside: phases over the bijdrage are an error, PA227).
    """
    total = project.bijdragen.get(indicator, 0.0)
    result: list[tuple[dt.date, float]] = []
    delivered = 0.0
    for phase in project.opleveringen:
        amount = min(phase.bijdragen.get(indicator, 0.0), max(0.0, total - delivered))
        if amount:
            result.append((phase.datum, amount))
            delivered += amount
    if project.status == "opgeleverd" and project.opgeleverd is not None:
        remainder = total - delivered
        if remainder > 0:
            result.append((project.opgeleverd, remainder))
    return result


def delivered_in(project: Project, indicator: str, first: dt.date, last: dt.date) -> float:
    """What the project delivered for the indicator from ``first`` to ``last`` (inclusive)."""
    return math.fsum(amount for day, amount in deliveries(project, indicator) if first <= day <= last)


def delivered_by(project: Project, indicator: str, day: dt.date) -> float:
    """What the project delivered for the indicator on or before ``day``."""
    return math.fsum(amount for when, amount in deliveries(project, indicator) if when <= day)


def components(dataset: DataSet, indicator: str) -> list[tuple[str, int]]:
    """The plain indicators of a doel with their sign: itself (+1), or a composite's parts."""
    found = dataset.indicatoren.get(indicator)
    if found is None or found[0].samengesteld is None:
        return [(indicator, 1)]
    parts = found[0].samengesteld
    return [*((p, 1) for p in parts.plus), *((m, -1) for m in parts.min)]


# Metingen ---------------------------------------------------------------------------


def in_scope(metingen: Metingen | None, scope: Scope) -> Iterable[Meting]:
    if metingen is None:
        return ()
    return (m for m in metingen.metingen if m.scope == scope)


def newest_stand(metingen: Metingen | None, scope: Scope, day: dt.date) -> Meting | None:
    """The newest stand in the scope on or before ``day`` (the last one listed on a tie)."""
    best: Meting | None = None
    for meting in in_scope(metingen, scope):
        if meting.is_stand and meting.datum is not None and meting.datum <= day:
            if best is None or best.datum is None or meting.datum >= best.datum:
                best = meting
    return best


def flows_in(metingen: Metingen | None, scope: Scope, span: Window) -> list[Meting]:
    """The flows in the scope whose ``tot`` lies in the window."""
    return [m for m in in_scope(metingen, scope) if m.is_stroom and m.tot is not None and span.holds(m.tot)]


def stand_is_stale(metingen: Metingen | None, scope: Scope, end: dt.date) -> bool:
    """No stand in the scope on or before ``end``, or the newest is over 13 months older."""
    newest = newest_stand(metingen, scope, end)
    return newest is None or newest.datum is None or newest.datum < months_before(end, STAND_STALE_MONTHS)


def has_recent_verantwoording(afspraak: Afspraak, peildatum: dt.date) -> bool:
    """A verantwoording dated in the six months up to and including the peildatum."""
    since = months_before(peildatum, VERANTWOORDING_MONTHS)
    return any(since <= v.datum <= peildatum for v in afspraak.verantwoording)


# Verdicts -------------------------------------------------------------------------------

OP_KOERS = "op koers"
AANDACHT = "aandacht"
ACHTER = "achter"
AFGEROND = "afgerond"
VERVALLEN = "vervallen"
GEEN_LOKAAL_DOEL = "geen lokaal doel"
GEEN_METING = "geen meting"
GEHAALD = "gehaald"
NIET_GEHAALD = "niet gehaald"
# Worst first: an afspraak takes the verdict of its worst doel; 'geen lokaal doel' says
# nothing about progress and counts only when every doel has it.
RANK = {
    NIET_GEHAALD: 0,
    ACHTER: 1,
    GEEN_METING: 2,
    AANDACHT: 3,
    OP_KOERS: 4,
    GEHAALD: 5,
    GEEN_LOKAAL_DOEL: 6,
}


# Measuring one doel -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Part:
    """One plain indicator of a doel: the doel's own, or a component of a composite."""

    indicator: str
    teken: int  # +1 or -1
    gerealiseerd: float | None
    in_uitvoering: float
    in_voorbereiding: float
    meting: Meting | None = None  # the stand read (telling: stand)


@dataclass(frozen=True, slots=True)
class Measured:
    """What a doel's indicator reached in a window: realised, pipeline, the stand read."""

    gerealiseerd: float | None  # None: a stand without meting
    in_uitvoering: float
    in_voorbereiding: float
    parts: tuple[Part, ...]

    @property
    def meting_datum(self) -> dt.date | None:
        """The date of the stand (the oldest of a composite's)."""
        dates = [p.meting.datum for p in self.parts if p.meting is not None and p.meting.datum is not None]
        return min(dates) if dates else None

    @property
    def meting_bron(self) -> str | None:
        bronnen = list(dict.fromkeys(p.meting.bron for p in self.parts if p.meting is not None))
        return "; ".join(bronnen) if bronnen else None


def pipeline(project: Project, indicator: str, peildatum: dt.date) -> tuple[str | None, float]:
    """The figure a project's not yet delivered part counts towards at the peildatum, and that part."""
    figure = figure_at(project, peildatum)
    if figure not in (IN_UITVOERING, IN_VOORBEREIDING):
        return None, 0.0
    rest = project.bijdragen.get(indicator, 0.0) - delivered_by(project, indicator, peildatum)
    return figure, max(0.0, rest)


def measure(
    dataset: DataSet,
    afspraak: Afspraak,
    doel_indicator: str,
    telling: str,
    bron: str,
    projects: Iterable[Project],
    scope: Scope,
    peildatum: dt.date,
) -> Measured:
    """gerealiseerd and the pipeline of a doel in the afspraak's window (DESIGN.md "Version 2
    arithmetic"); a composite is plus minus min of its components, each measured alike."""
    span = window(afspraak, peildatum)
    projects = list(projects)
    parts: list[Part] = []
    for indicator, teken in components(dataset, doel_indicator):
        metingen = dataset.metingen_by_indicator.get(indicator)
        if bron == "metingen" and telling == "stand":
            meting = newest_stand(metingen, scope, span.last) if span.started else None
            value = meting.waarde if meting is not None else None
            parts.append(Part(indicator, teken, value, 0.0, 0.0, meting))
        elif bron == "metingen":
            total = math.fsum(m.waarde for m in flows_in(metingen, scope, span)) if span.started else 0.0
            parts.append(Part(indicator, teken, total, 0.0, 0.0))
        else:
            done = math.fsum(delivered_in(p, indicator, span.first, span.last) for p in projects)
            uitvoering: list[float] = []
            voorbereiding: list[float] = []
            for project in projects:
                figure, rest = pipeline(project, indicator, peildatum)
                if figure is not None and rest:
                    (uitvoering if figure == IN_UITVOERING else voorbereiding).append(rest)
            parts.append(Part(indicator, teken, done, math.fsum(uitvoering), math.fsum(voorbereiding)))
    values = [p.gerealiseerd for p in parts]
    gerealiseerd = (
        None
        if any(v is None for v in values)
        else math.fsum(p.teken * (p.gerealiseerd or 0.0) for p in parts)
    )
    return Measured(
        gerealiseerd=gerealiseerd,
        in_uitvoering=math.fsum(p.teken * p.in_uitvoering for p in parts),
        in_voorbereiding=math.fsum(p.teken * p.in_voorbereiding for p in parts),
        parts=tuple(parts),
    )


def expected_value(
    afspraak: Afspraak,
    doel: Doel,
    target: float,
    peildatum: dt.date,
    *,
    regional: bool,
) -> Fraction:
    """Verwacht: what should be reached at the peildatum (exact; round with expected.round_1).

    som: cumulative jaarschijven (regional target only) or linear over the period; at the
    eindstand the target. stand: the target, or with a nulmeting (regional target) the
    straight line from the nulmeting to the target on 31 December of the last year.
    """
    if is_eindstand(afspraak, peildatum):
        return Fraction(target)
    if doel.telling == "stand":
        if doel.nulmeting is None or not regional:
            return Fraction(target)
        start = doel.nulmeting
        end = period_end(afspraak)
        if peildatum <= start.datum or end <= start.datum:
            return Fraction(start.waarde) if peildatum <= start.datum else Fraction(target)
        part = elapsed(start.datum + dt.timedelta(days=1), end, peildatum)
        return Fraction(start.waarde) + (Fraction(target) - Fraction(start.waarde)) * part
    if doel.jaarschijven and regional:
        return from_jaarschijven(doel.jaarschijven, peildatum)
    return linear(target, afspraak.periode.van, afspraak.periode.tot, peildatum)


def judge(
    afspraak: Afspraak,
    doel: Doel,
    measured: Measured,
    target: float | None,
    verwacht: float | None,
    peildatum: dt.date,
) -> str:
    """The verdict of one doel (DESIGN.md "Version 2 arithmetic", verdict)."""
    if afspraak.status == "vervallen":
        return VERVALLEN
    if target is None or verwacht is None:
        return GEEN_LOKAAL_DOEL
    value = measured.gerealiseerd
    if value is None:
        return GEEN_METING
    maximaal = doel.richting == "maximaal"
    if is_eindstand(afspraak, peildatum):
        met = value <= target if maximaal else value >= target
        return GEHAALD if met else NIET_GEHAALD
    if doel.telling == "stand":
        on_side = value <= verwacht if maximaal else value >= verwacht
        return OP_KOERS if on_side else ACHTER
    if maximaal:
        if value <= verwacht:
            return OP_KOERS
        return AANDACHT if value <= target else ACHTER
    if value >= verwacht:
        return OP_KOERS
    return AANDACHT if value + measured.in_uitvoering >= verwacht else ACHTER


def worst(verdicts: Iterable[str]) -> str | None:
    """The worst of some doel verdicts (None when there are none)."""
    found = list(verdicts)
    return min(found, key=RANK.__getitem__) if found else None


def regional_verdict(dataset: DataSet, afspraak: Afspraak, peildatum: dt.date) -> str | None:
    """The afspraak's verdict for the whole region from its doelen (None without doelen):
    what validate's PA313 and status agree on."""
    projects = [p.model for p in dataset.projecten if afspraak.id in p.model.afspraken]
    verdicts = []
    for doel in afspraak.doelen:
        measured = measure(
            dataset, afspraak, doel.indicator, doel.telling, doel.bron, projects, None, peildatum
        )
        verwacht = round_1(expected_value(afspraak, doel, doel.streefwaarde, peildatum, regional=True))
        verdicts.append(judge(afspraak, doel, measured, doel.streefwaarde, verwacht, peildatum))
    return worst(verdicts)
