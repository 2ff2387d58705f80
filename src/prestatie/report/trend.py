"""The trend charts of a report: typed geometry for a small inline SVG per doel, its title
and description in words, and the same figures as a table ("per jaar: gerealiseerd vs
verwacht"). The numbers come from ``status.series`` (whose last point is the status
engine's figure); the words and numbers through ``dutch.py``; the template only draws.

Why hand-drawn SVG and not a charting library: a chart here is a handful of bars, one
polyline and a few labels. pygal emits SVG with a script hook and its own ids/CSS per
chart, and matplotlib's SVG backend is a large dependency that writes clip paths and
glyph definitions per chart and takes tens of milliseconds each; both make it harder
to control ``role``, ``<title>``/``<desc>`` and to stay within the report benchmark.
Geometry computed here is plain numbers that a test can check.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from prestatie.dutch import aantal, datum, kort, opsomming
from prestatie.status.series import JAARSCHIJVEN, Reeks

WIDTH = 360
HEIGHT = 170
_LEFT = 8
_RIGHT = 8
_TOP = 18
_BOTTOM = 22


@dataclass(frozen=True, slots=True)
class Staaf:
    """A bar: gerealiseerd up to the end of a year."""

    x: float
    y: float
    breedte: float
    hoogte: float
    jaar: str
    label_x: float
    label_y: float


@dataclass(frozen=True, slots=True)
class TrendRij:
    """One row of the chart's table."""

    jaar: int
    tot: str  # "31 december 2025" or the peildatum
    gerealiseerd: str
    verwacht: str


@dataclass(frozen=True, slots=True)
class TrendGrafiek:
    """One chart: what the template draws and what it says in words."""

    id: str
    titel: str
    beschrijving: str
    breedte: int
    hoogte: int
    basislijn: float
    as_eind: float
    staven: tuple[Staaf, ...]
    verwacht_punten: str  # the polyline's points: "x1,y1 x2,y2 ..."
    streef_y: float
    streef_label: str
    streef_label_x: float
    streef_label_y: float
    kolom_verwacht: str  # the table's heading: "Jaarschijven t/m" or "Verwacht t/m"
    rijen: tuple[TrendRij, ...]
    eenheid: str


def _scale(values: Sequence[float]) -> float:
    top = max((v for v in values if v > 0), default=0.0)
    return top * 1.08 if top > 0 else 1.0


def grafiek(reeks: Reeks, *, naam: str, titel: str, eenheid: str) -> TrendGrafiek:
    """The chart of one series."""
    punten = reeks.punten
    top = _scale([reeks.streefwaarde, *(p.gerealiseerd for p in punten), *(p.verwacht for p in punten)])
    inner_w = WIDTH - _LEFT - _RIGHT
    inner_h = HEIGHT - _TOP - _BOTTOM
    base = _TOP + inner_h

    def y(value: float) -> float:
        return round(base - max(0.0, value) / top * inner_h, 1)

    slot = inner_w / len(punten)
    bar = slot * 0.6
    staven = []
    line = []
    for index, punt in enumerate(punten):
        left = _LEFT + index * slot
        center = left + slot / 2
        staven.append(
            Staaf(
                x=round(center - bar / 2, 1),
                y=y(punt.gerealiseerd),
                breedte=round(bar, 1),
                hoogte=round(base - y(punt.gerealiseerd), 1),
                jaar=str(punt.jaar),
                label_x=round(center, 1),
                label_y=HEIGHT - 6,
            )
        )
        line.append(f"{round(center, 1)},{y(punt.verwacht)}")
    rijen = tuple(
        TrendRij(
            jaar=p.jaar,
            tot=datum(p.tot),
            gerealiseerd=kort(p.gerealiseerd, eenheid),
            verwacht=kort(p.verwacht, eenheid),
        )
        for p in punten
    )
    path = "de jaarschijven" if reeks.pad == JAARSCHIJVEN else "een gelijkmatig pad over de looptijd"
    last = punten[-1]
    moment = f"eind {last.jaar}" if (last.tot.month, last.tot.day) == (12, 31) else f"op {datum(last.tot)}"
    per_year = opsomming([f"{p.jaar}: {kort(p.gerealiseerd, eenheid)}" for p in punten])
    beschrijving = (
        f"Staafdiagram van {naam}, cumulatief per jaar gerealiseerd, met een lijn voor wat volgens "
        f"{path} verwacht werd. Gerealiseerd {per_year}. {moment[0].upper()}{moment[1:]} is "
        f"{aantal(last.gerealiseerd, eenheid)} gerealiseerd, verwacht {aantal(last.verwacht, eenheid)}; "
        f"de streefwaarde is {aantal(reeks.streefwaarde, eenheid)}."
    )
    return TrendGrafiek(
        id=f"trend-{reeks.afspraak}-{reeks.indicator}",
        titel=titel,
        beschrijving=beschrijving,
        breedte=WIDTH,
        hoogte=HEIGHT,
        basislijn=base,
        as_eind=WIDTH - _RIGHT,
        staven=tuple(staven),
        verwacht_punten=" ".join(line),
        streef_y=y(reeks.streefwaarde),
        streef_label=f"streefwaarde {kort(reeks.streefwaarde, eenheid)}",
        streef_label_x=WIDTH - _RIGHT,
        streef_label_y=round(y(reeks.streefwaarde) - 4, 1),
        kolom_verwacht="Volgens jaarschijven" if reeks.pad == JAARSCHIJVEN else "Verwacht",
        rijen=rijen,
        eenheid=eenheid,
    )


def grafieken(
    series: Mapping[tuple[str, str], Reeks],
    afspraken: Sequence[tuple[str, str, Sequence[tuple[str, str, str]]]],
) -> list[TrendGrafiek]:
    """The charts in the order of the report: ``afspraken`` is (id, label, doelen) with
    each doel as (indicator, naam, eenheid)."""
    return [
        grafiek(series[(ident, indicator)], naam=naam, titel=f"{label}: {naam}", eenheid=eenheid)
        for ident, label, doelen in afspraken
        for indicator, naam, eenheid in doelen
        if (ident, indicator) in series
    ]
