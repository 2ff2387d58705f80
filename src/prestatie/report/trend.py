"""The trend charts of a report: typed geometry for a small inline SVG per doel, its title
and description in words, and the same figures as a table ("per jaar: gerealiseerd vs
verwacht"). The numbers come from ``status.series`` (whose last point is the status
engine's figure); the words and numbers through ``dutch.py``; the template only draws.

Every kind of doel gets one: a sum from projects or flow metingen (cumulative bars), a
stand (the measured level at each year's end; no bar before the first meting) against
its target or the path from its nulmeting, and a composite (bars that can go below the
zero line, its components as extra columns of the table).

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
from prestatie.status.series import JAARSCHIJVEN, LINEAIR, NIVEAU, NULMETING, STAND, Reeks

WIDTH = 360
HEIGHT = 170
_LEFT = 8
_RIGHT = 8
_TOP = 18
_BOTTOM = 22
GEEN_METING = "geen meting"

# What the line (verwacht) follows: the table's column, and the words of the description.
_KOLOM = {
    JAARSCHIJVEN: "Volgens jaarschijven",
    LINEAIR: "Verwacht",
    NULMETING: "Pad vanaf nulmeting",
    NIVEAU: "Doel",
}
_PAD = {
    JAARSCHIJVEN: "de jaarschijven",
    LINEAIR: "een gelijkmatig pad over de looptijd",
    NULMETING: "een rechte lijn van de nulmeting naar de streefwaarde",
}


@dataclass(frozen=True, slots=True)
class Staaf:
    """A bar: gerealiseerd up to the end of a year (or the stand then); ``hoogte`` 0 and
    ``gemeten`` False where a stand had no meting yet."""

    x: float
    y: float
    breedte: float
    hoogte: float
    jaar: str
    label_x: float
    label_y: float
    gemeten: bool = True


@dataclass(frozen=True, slots=True)
class TrendRij:
    """One row of the chart's table."""

    jaar: int
    tot: str  # "31 december 2025" or the peildatum
    gerealiseerd: str
    verwacht: str
    onderdelen: tuple[str, ...] = ()  # a composite: each component's value


@dataclass(frozen=True, slots=True)
class TrendGrafiek:
    """One chart: what the template draws and what it says in words."""

    id: str
    titel: str
    beschrijving: str
    breedte: int
    hoogte: int
    basislijn: float  # the zero line
    as_eind: float
    staven: tuple[Staaf, ...]
    verwacht_punten: str  # the polyline's points: "x1,y1 x2,y2 ..."
    verwacht_stippen: tuple[tuple[float, float], ...]  # a dot on each point (one year: no line)
    streef_y: float
    streef_label: str
    streef_label_x: float
    streef_label_y: float
    kolom_gerealiseerd: str  # "Gerealiseerd" or, for a stand, "Stand"
    kolom_verwacht: str  # "Volgens jaarschijven", "Verwacht", "Pad vanaf nulmeting", "Doel"
    kolommen_onderdelen: tuple[str, ...]  # a composite: "Nieuwe sociale huurwoningen (+)", …
    onderschrift: str  # the table's caption
    rijen: tuple[TrendRij, ...]
    eenheid: str


def _bounds(values: Sequence[float]) -> tuple[float, float]:
    """The value at the top and at the bottom of the plot: zero always in view, some headroom."""
    high = max([0.0, *values])
    low = min([0.0, *values])
    if high == low:
        return 1.0, 0.0
    return high * 1.08, low * 1.08


def _waarde(value: float | None, eenheid: str) -> str:
    return kort(value, eenheid) if value is not None else GEEN_METING


def grafiek(reeks: Reeks, *, naam: str, titel: str, eenheid: str) -> TrendGrafiek:
    """The chart of one series."""
    punten = reeks.punten
    measured = [p.gerealiseerd for p in punten if p.gerealiseerd is not None]
    top, bottom = _bounds([reeks.streefwaarde, *measured, *(p.verwacht for p in punten)])
    inner_w = WIDTH - _LEFT - _RIGHT
    inner_h = HEIGHT - _TOP - _BOTTOM

    def y(value: float) -> float:
        return round(_TOP + (top - value) / (top - bottom) * inner_h, 1)

    zero = y(0.0)
    slot = inner_w / len(punten)
    bar = slot * 0.6
    staven = []
    line = []
    dots = []
    for index, punt in enumerate(punten):
        center = _LEFT + index * slot + slot / 2
        value = punt.gerealiseerd
        level = y(value) if value is not None else zero
        staven.append(
            Staaf(
                x=round(center - bar / 2, 1),
                y=min(level, zero),
                breedte=round(bar, 1),
                hoogte=round(abs(zero - level), 1),
                jaar=str(punt.jaar),
                label_x=round(center, 1),
                label_y=HEIGHT - 6,
                gemeten=value is not None,
            )
        )
        line.append(f"{round(center, 1)},{y(punt.verwacht)}")
        dots.append((round(center, 1), y(punt.verwacht)))
    parts = punten[-1].onderdelen
    rijen = tuple(
        TrendRij(
            jaar=p.jaar,
            tot=datum(p.tot),
            gerealiseerd=_waarde(p.gerealiseerd, eenheid),
            verwacht=kort(p.verwacht, eenheid),
            onderdelen=tuple(_waarde(d.gerealiseerd, eenheid) for d in p.onderdelen),
        )
        for p in punten
    )
    stand = reeks.soort == STAND
    kolom_gerealiseerd = "Stand" if stand else "Netto" if parts else "Gerealiseerd"
    kolom_verwacht = _KOLOM[reeks.pad] + (" (hoogstens)" if reeks.maximaal and reeks.pad != NIVEAU else "")
    kind = "de gemeten stand aan het eind van elk jaar" if stand else "cumulatief per jaar gerealiseerd"
    bound = "hoogstens " if reeks.maximaal else ""
    last = punten[-1]
    moment = f"eind {last.jaar}" if (last.tot.month, last.tot.day) == (12, 31) else f"op {datum(last.tot)}"
    per_year = opsomming([f"{p.jaar}: {_waarde(p.gerealiseerd, eenheid)}" for p in punten])
    moment = moment[0].upper() + moment[1:]
    if last.gerealiseerd is None:
        now = f"{moment} is er nog geen meting"
    else:
        done = "gemeten" if stand else "gerealiseerd"
        now = f"{moment} is {'netto ' if parts else ''}{aantal(last.gerealiseerd, eenheid)} {done}"
    composed = ""
    if parts:
        plus = [d.naam for d in parts if d.teken > 0]
        minus = [d.naam for d in parts if d.teken < 0]
        composed = (
            f" {naam} is samengesteld: {opsomming(plus)}"
            + "".join(f" min {m}" for m in minus)
            + "; de tabel geeft elk onderdeel per jaar."
        )
    lijn = (
        "de streefwaarde waartegen de stand wordt beoordeeld"
        if reeks.pad == NIVEAU
        else f"wat volgens {_PAD[reeks.pad]} {bound}verwacht werd"
    )
    beschrijving = (
        f"Staafdiagram van {naam}, {kind}, met een lijn voor {lijn}.{composed} "
        f"{kolom_gerealiseerd} per jaar: {per_year}. {now}, verwacht "
        f"{bound}{aantal(last.verwacht, eenheid)}; de streefwaarde is "
        f"{bound}{aantal(reeks.streefwaarde, eenheid)}."
    )
    kolommen = tuple(f"{d.naam} ({'+' if d.teken > 0 else '−'})" for d in parts)
    onderschrift = f"Per jaar: {kolom_gerealiseerd.lower()} vs {kolom_verwacht.lower()}" + (
        f", in {eenheid}" if eenheid else ""
    )
    return TrendGrafiek(
        id=f"trend-{reeks.afspraak}-{reeks.indicator}",
        titel=titel,
        beschrijving=beschrijving,
        breedte=WIDTH,
        hoogte=HEIGHT,
        basislijn=zero,
        as_eind=WIDTH - _RIGHT,
        staven=tuple(staven),
        verwacht_punten=" ".join(line),
        verwacht_stippen=tuple(dots),
        streef_y=y(reeks.streefwaarde),
        streef_label=f"streefwaarde {bound}{kort(reeks.streefwaarde, eenheid)}",
        streef_label_x=WIDTH - _RIGHT,
        streef_label_y=max(10.0, round(y(reeks.streefwaarde) - 4, 1)),
        kolom_gerealiseerd=kolom_gerealiseerd,
        kolom_verwacht=kolom_verwacht,
        kolommen_onderdelen=kolommen,
        onderschrift=onderschrift,
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
