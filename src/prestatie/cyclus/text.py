"""``cyclus --format text``: one compact table per gemeente, within 80 columns.

A row per trajectory: corporatie, fase and the dates of bod, overleg and
ondertekening; below it, what is overdue, each in the words ``validate`` uses.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from prestatie.cyclus import state
from prestatie.cyclus.overview import CyclusStand, TrajectStand
from prestatie.dutch import DATUM_KORT_BREEDTE, datum, datum_kort, meervoud

WIDTH = 80
_NAME = 24
_FASE = 13
_DATE = DATUM_KORT_BREEDTE
HEADER = ("Corporatie", "Fase", "Bod", "Overleg", "Ondertekend")


def _row(cells: tuple[str, str, str, str, str]) -> str:
    name, fase, *dates = cells
    line = f"  {name:<{_NAME}}  {fase:<{_FASE}}" + "".join(f"  {d:<{_DATE}}" for d in dates[:-1])
    return (line + f"  {dates[-1]}").rstrip()


def _trajectory(row: TrajectStand) -> Iterator[str]:
    names = textwrap.wrap(row.corporatie_naam, _NAME, break_long_words=True) or [row.corporatie]
    yield _row(
        (
            names[0],
            row.fase,
            datum_kort(row.bod),
            datum_kort(row.overleg_gestart),
            datum_kort(row.ondertekend),
        )
    )
    for more in names[1:]:
        yield f"  {more}"
    for item in row.achterstallig:
        yield from textwrap.wrap(
            f"! {item.message} [{item.code}]",
            WIDTH,
            initial_indent="    ",
            subsequent_indent="      ",
            break_on_hyphens=False,
        )


def _summary(stand: CyclusStand) -> str:
    counts = dict.fromkeys(state.FASEN, 0)
    for row in stand.trajecten:
        counts[row.fase] += 1
    parts = [f"{n} {fase}" for fase, n in counts.items() if n]
    overdue = sum(1 for row in stand.trajecten if row.achterstallig)
    total = len(stand.trajecten)
    head = meervoud(total, "traject", "trajecten")
    tail = f"{overdue} met achterstand" if overdue else "niets achterstallig"
    return f"{head}: {', '.join(parts)}; {tail}." if parts else f"{head}."


def lines(stand: CyclusStand) -> list[str]:
    out: list[str] = []
    if stand.voorbeeldgegevens:
        out.append("Let op: dit zijn illustratieve voorbeeldgegevens.")
    out.append(f"Jaarcyclus {stand.jaar} (Woningwet art. 44), peildatum {datum(stand.peildatum)}")
    out.append(
        f"Termijnen: bod uiterlijk {datum(stand.termijnen.bod)}, afspraken uiterlijk "
        f"{datum(stand.termijnen.afspraken)}"
    )
    if not stand.trajecten:
        out += ["", "Geen trajecten voor deze keuze."]
        return out
    current = None
    for row in stand.trajecten:
        if row.gemeente != current:
            current = row.gemeente
            out += ["", row.gemeente_naam, _row(HEADER)]
        out.extend(_trajectory(row))
    out += ["", *textwrap.wrap(_summary(stand), WIDTH)]
    return out


def render(stand: CyclusStand) -> str:
    return "\n".join(lines(stand)) + "\n"
