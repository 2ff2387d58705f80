"""A trajectory of the Woningwet cycle at a peildatum: its fase and what is overdue.

Shared by ``validate`` (the warnings PA330–PA333) and ``prestatie cyclus`` (its
``fase`` and ``achterstallig``), so that both say the same thing in the same words.

Dates after the peildatum did not exist yet at that date: they are ignored here,
as ``projectstate`` ignores a later voortgang entry.

Termijnen are the last day on which something is on time ("uiterlijk"): a bod
dated on the bod termijn is in time, and a warning starts the day after it.
Without ``termijnen`` in the file: the bod by 1 July of ``jaar`` (art. 44 lid 1
Woningwet: before 1 July) and the afspraken by 15 December (practice; the
minister's letter of 2023 says 1 December, so a file may set it).

Fase, at the peildatum: ``ondertekend`` when the afspraken were signed; else
``geschil`` when a geschil was brought to the minister; else ``in overleg`` once
the overleg started; else ``bod ontvangen`` once the bod arrived; else ``geen bod``.

Overdue (each warning names what to do):
- PA330: the bod termijn has passed, there is no bod, the afspraken are not signed;
- PA331: the afspraken termijn has passed, not signed, no geschil filed;
- PA332: the bod termijn has passed and the previous year was not evaluated;
- PA333: the overleg started more than six months ago (art. 44 lid 4: six
  calendar months, 29–31 clamped to the month's end), not signed, no geschil filed.
  Within the four weeks after those six months any party may bring a geschil to
  the minister; the message names the last day of that window (six months + 28 days).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from prestatie.codes import raised_here
from prestatie.cyclus.model import Cyclus, Traject
from prestatie.dutch import datum

# The codes of what is overdue; rules/cyclus.py raises them as located warnings.
RAISES = raised_here("PA330", "PA331", "PA332", "PA333")

GEEN_BOD = "geen bod"
BOD_ONTVANGEN = "bod ontvangen"
IN_OVERLEG = "in overleg"
ONDERTEKEND = "ondertekend"
GESCHIL = "geschil"
FASEN: tuple[str, ...] = (GEEN_BOD, BOD_ONTVANGEN, IN_OVERLEG, GESCHIL, ONDERTEKEND)

OVERLEG_MONTHS = 6
GESCHIL_DAYS = 28
DEFAULT_BOD = (7, 1)
DEFAULT_AFSPRAKEN = (12, 15)

# The dates of a trajectory in the order they must keep (bod ≤ overleg_gestart ≤ ondertekend).
ORDERED_FIELDS: tuple[str, ...] = ("bod", "overleg_gestart", "ondertekend")
DATE_FIELDS: tuple[str, ...] = ("evaluatie", "huurdersadvies", "bod", "overleg_gestart", "ondertekend")


@dataclass(frozen=True, slots=True)
class Termijnen:
    bod: dt.date
    afspraken: dt.date


@dataclass(frozen=True, slots=True)
class Achterstand:
    """One thing overdue in a trajectory: its code and the Dutch message."""

    code: str
    message: str


def termijnen(cyclus: Cyclus) -> Termijnen:
    """The termijnen of a year: as set in the file, else the defaults."""
    jaar = cyclus.jaar
    return Termijnen(
        bod=cyclus.termijnen.bod or dt.date(jaar, *DEFAULT_BOD),
        afspraken=cyclus.termijnen.afspraken or dt.date(jaar, *DEFAULT_AFSPRAKEN),
    )


def window(jaar: int) -> tuple[dt.date, dt.date]:
    """The dates a year file may hold: 1 January of jaar − 1 up to 31 December of jaar + 1."""
    return dt.date(jaar - 1, 1, 1), dt.date(jaar + 1, 12, 31)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later, clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _by(value: dt.date | None, peildatum: dt.date) -> dt.date | None:
    """The date if it lies on or before the peildatum (it had happened by then)."""
    return value if value is not None and value <= peildatum else None


def geschil_ingediend(traject: Traject, peildatum: dt.date) -> dt.date | None:
    return _by(traject.geschil.ingediend, peildatum) if traject.geschil is not None else None


def fase(traject: Traject, peildatum: dt.date) -> str:
    """The fase of a trajectory at the peildatum (see the module docstring)."""
    if _by(traject.ondertekend, peildatum):
        return ONDERTEKEND
    if geschil_ingediend(traject, peildatum):
        return GESCHIL
    if _by(traject.overleg_gestart, peildatum):
        return IN_OVERLEG
    if _by(traject.bod, peildatum):
        return BOD_ONTVANGEN
    return GEEN_BOD


@dataclass(frozen=True, slots=True)
class GeschilTermijn:
    """When the six months of overleg end, and the last day to bring a geschil to the minister."""

    zes_maanden: dt.date
    laatste_dag: dt.date


def geschil_termijn(overleg_gestart: dt.date) -> GeschilTermijn:
    end = months_after(overleg_gestart, OVERLEG_MONTHS)
    return GeschilTermijn(end, end + dt.timedelta(days=GESCHIL_DAYS))


def achterstallig(traject: Traject, jaar: int, termijn: Termijnen, peildatum: dt.date) -> list[Achterstand]:
    """What is overdue in this trajectory at the peildatum, in the order of the cycle."""
    found: list[Achterstand] = []
    signed = _by(traject.ondertekend, peildatum) is not None
    geschil = geschil_ingediend(traject, peildatum) is not None
    if peildatum > termijn.bod and _by(traject.evaluatie, peildatum) is None:
        found.append(
            Achterstand(
                "PA332",
                f"Het jaar {jaar - 1} is nog niet geëvalueerd, terwijl de termijn voor het bod "
                f"({datum(termijn.bod)}) voorbij is. Evalueer het afgelopen jaar met de corporatie "
                "en de huurdersorganisatie en vul bij 'evaluatie' de datum in.",
            )
        )
    if peildatum > termijn.bod and not signed and _by(traject.bod, peildatum) is None:
        found.append(
            Achterstand(
                "PA330",
                f"Er is nog geen bod, terwijl de termijn voor het bod ({datum(termijn.bod)}) voorbij "
                "is. Vraag de corporatie om haar bod en vul bij 'bod' de datum in waarop het "
                "binnenkwam.",
            )
        )
    started = _by(traject.overleg_gestart, peildatum)
    if started is not None and not signed and not geschil:
        window_ = geschil_termijn(started)
        if peildatum > window_.zes_maanden:
            if peildatum <= window_.laatste_dag:
                tail = (
                    f"Elke partij kan tot en met {datum(window_.laatste_dag)} een geschil voorleggen "
                    "aan de minister (art. 44 lid 4 Woningwet). Besluit met de partijen of u dat "
                    "doet en vul dan bij geschil 'ingediend' de datum in, of bij 'ondertekend' als "
                    "de afspraken alsnog getekend zijn."
                )
            else:
                tail = (
                    "De vier weken om een geschil aan de minister voor te leggen (art. 44 lid 4 "
                    f"Woningwet) liepen af op {datum(window_.laatste_dag)}. Maak de afspraken af en "
                    "vul bij 'ondertekend' de datum in."
                )
            found.append(
                Achterstand(
                    "PA333",
                    f"Het overleg loopt sinds {datum(started)} en heeft na zes maanden "
                    f"({datum(window_.zes_maanden)}) nog geen ondertekende afspraken. {tail}",
                )
            )
    if peildatum > termijn.afspraken and not signed and not geschil:
        found.append(
            Achterstand(
                "PA331",
                f"De afspraken zijn nog niet ondertekend, terwijl de termijn daarvoor "
                f"({datum(termijn.afspraken)}) voorbij is. Vul bij 'ondertekend' de datum in zodra "
                "de partijen getekend hebben, en spreek af wanneer dat wordt.",
            )
        )
    return found
