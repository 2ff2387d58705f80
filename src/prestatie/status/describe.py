"""One doel's figures in words an advisor understands: shared by the status text and the report.

Each kind of doel reads differently: a stand is a level on a date with its source, a
maximum says how much of the room is used, a composite names its parts, and at the
eindstand the figures are final (gehaald or niet gehaald), never a "verwacht" that is
just the streefwaarde again.

    stand 45.210 woningen op 31 december 2025 (bron: Woonmonitor Parkstad 2025), doel minimaal 45.000
    maximaal 200 woningen, tot nu toe 57 (verwacht hoogstens 116,7)
    netto -102 woningen = 425 nieuw − 470 sloop − 57 verkoop
    eindstand: 283 van 400 woningen, niet gehaald
"""

from __future__ import annotations

from prestatie import dutch
from prestatie.status.model import GEEN_METING, VERVALLEN, DoelStatus, Figures

_MINUS = "−"


def _amount(value: float | None, eenheid: str) -> str:
    return dutch.aantal(value, eenheid) if value is not None else dutch.DASH


def _number(value: float | None, eenheid: str) -> str:
    return dutch.kort(value, eenheid) if value is not None else dutch.DASH


def parts(figures: Figures, eenheid: str) -> str:
    """'425 Nieuwe sociale huurwoningen − 470 Gesloopte woningen': the parts of a composite."""
    text = ""
    for index, part in enumerate(figures.onderdelen):
        term = f"{_number(part.gerealiseerd, eenheid)} {part.naam.lower()}"
        if index == 0:
            text = term if part.teken > 0 else f"{_MINUS}{term}"
        else:
            text += f" {'+' if part.teken > 0 else _MINUS} {term}"
    return text


def describe(doel: DoelStatus, figures: Figures, *, eindstand: bool) -> str:
    """The figures of one doel (in one scope) as one Dutch phrase."""
    eenheid = doel.eenheid
    target = figures.streefwaarde
    woord = "minimaal" if doel.richting == "minimaal" else "maximaal"
    if figures.verdict == VERVALLEN:
        return "vervallen"
    if doel.telling == "stand":
        if figures.gerealiseerd is None:
            measured = "nog geen meting"
        else:
            when = dutch.datum(figures.meting_datum) if figures.meting_datum is not None else ""
            source = f" (bron: {figures.meting_bron})" if figures.meting_bron else ""
            measured = f"stand {_amount(figures.gerealiseerd, eenheid)} op {when}{source}"
        if target is None:
            return f"{measured}; geen lokaal doel"
        goal = f"doel {woord} {_number(target, eenheid)}"
        if figures.verdict == GEEN_METING or eindstand or figures.verwacht in (None, target):
            tail = f", {goal}"
        else:
            bound = "minstens" if doel.richting == "minimaal" else "hoogstens"
            tail = f", {goal} (nu {bound} {_number(figures.verwacht, eenheid)})"
        prefix = "eindstand: " if eindstand else ""
        return f"{prefix}{measured}{tail}"
    realised = _amount(figures.gerealiseerd, eenheid)
    if figures.onderdelen:
        realised = f"netto {realised} = {parts(figures, eenheid)}"
    if target is None:
        return f"{realised}; geen lokaal doel"
    if eindstand:
        return f"eindstand: {realised}, doel {woord} {_amount(target, eenheid)}"
    if doel.richting == "maximaal":
        return (
            f"maximaal {_amount(target, eenheid)}, tot nu toe {realised} "
            f"(verwacht hoogstens {_number(figures.verwacht, eenheid)})"
        )
    return f"{realised} van {_number(target, eenheid)}, verwacht {_number(figures.verwacht, eenheid)}"
