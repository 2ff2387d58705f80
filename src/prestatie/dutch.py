"""Dutch notation of everything a user reads: numbers, amounts, quantities with their
unit, percentages, dates, plurals, lists and progress bars. The one place for it:
``status`` text, the reports, the ``diff`` text and ``geschiedenis`` all format here.

One rounding rule: the value as written (a float's shortest decimal form, so 2.35
is 2,35 and not 2,34999…) is rounded half away from zero, as advisors round by hand
("rekenkundig afronden"): 2,25 -> 2,3; 0,05 -> 0,1; -2,25 -> -2,3; 62,5% -> 63%.

One precision per kind of figure:

- a quantity (woningen, stuks, any unit, also procent): at most one decimal, trailing
  zero dropped: ``1.234``, ``310,5``, ``2,3``;
- an amount in euro: whole euros below a million (``€ 650.000``), from a million one
  decimal in millions (``€ 5,4 mln``), from a billion in billions (``€ 1,3 mld``);
- a fraction shown as a percentage: whole percents (``63%``).

One date style: the day, the month in words and the year. ``datum`` writes the month in
full (``24 juni 2026``: prose, findings, headings), ``datum_kort`` abbreviates it where a
column is narrow (``24 jun 2026``: tables). No output a user reads writes ``24-06-2026`` or
``2026-06-24``; ISO dates belong to machine output (JSON, CSV cells, the YAML that edits
write), and to a value echoed exactly as the user typed it (tests/test_date_style.py).

Where two values must be told apart (a change ``van → naar``), ``paar`` adds decimals
until they differ; the style stays the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from prestatie.units import EURO, KNOWN_UNITS, PROCENT

LOCALE = "nl_NL"
DASH = "–"
QUANTITY_DIGITS = 1
MONEY_DIGITS = 1  # in millions and billions
_MILLION = Decimal(1_000_000)
_BILLION = Decimal(1_000_000_000)
# Most decimals ``paar`` adds to tell two values apart (a float has about 15 to 17).
_MAX_DIGITS = 15
# Widest ``datum_kort``: "30 sep 2026".
DATUM_KORT_BREEDTE = 11

# Plural -> singular ("1 woning", "2 woningen"): the known units (units.KNOWN_UNITS, the
# one table of them) and the nouns that the reports count. Any other unit is free text,
# shown as written.
SINGULAR: dict[str, str] = {
    **{name: unit.enkelvoud for name, unit in KNOWN_UNITS.items() if unit.enkelvoud != name},
    "afspraken": "afspraak",
    "projecten": "project",
    "gemeenten": "gemeente",
}

Number = int | float | Decimal


def decimal(value: Number) -> Decimal:
    """The decimal value as written: 2.35 -> Decimal('2.35') (not 2.3499999…)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def rounded(value: Number, digits: int = 0) -> Decimal:
    """``value`` rounded half away from zero to ``digits`` decimals (as it is when it
    cannot be: infinite, or more digits than a Decimal holds)."""
    exact = decimal(value)
    try:
        return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return exact


def _text(value: Decimal) -> str:
    """A rounded Decimal in Dutch notation, trailing zeros dropped: 1234.50 -> '1.234,5'."""
    if value == 0:
        return "0"  # also for -0.0 and a rounded -0.04
    if not value.is_finite():
        return DASH
    if value == value.to_integral_value():
        text = f"{value:,.0f}"
    else:
        text = f"{value.normalize():,f}"
    return text.translate(str.maketrans(",.", ".,"))


def getal(value: Number, digits: int = QUANTITY_DIGITS) -> str:
    """A number: ``1.234``, ``310,5``, ``2,3`` (2.25), ``-2,3`` (-2.25), ``0``."""
    return _text(rounded(value, digits))


def geld(value: Number, digits: int = MONEY_DIGITS) -> str:
    """An amount in euro: ``€ 650.000``, ``€ 5,4 mln``, ``€ 1,3 mld``, ``€ -250.000``.

    ``digits`` is the number of decimals of millions and billions.
    """
    exact = decimal(value)
    if not exact.is_finite():
        return DASH
    # The scale follows the rounded amount: 999.999,60 is € 1 mln, not € 1.000.000.
    if abs(rounded(exact / _MILLION, digits)) >= 1000:
        return f"€ {getal(exact / _BILLION, digits)} mld"
    if abs(rounded(exact, max(0, digits - MONEY_DIGITS))) >= _MILLION:
        return f"€ {getal(exact / _MILLION, digits)} mln"
    return f"€ {getal(exact, max(0, digits - MONEY_DIGITS))}"


def eenheid_bij(text: str, eenheid: str) -> str:
    """A formatted number followed by its unit, singular after exactly one."""
    if not eenheid:
        return text
    noun = SINGULAR.get(eenheid, eenheid) if text in ("1", "-1") else eenheid
    return f"{text} {noun}"


def aantal(value: Number, eenheid: str, digits: int = QUANTITY_DIGITS) -> str:
    """A quantity with its unit: ``1.234 woningen``, ``1 woning``, ``€ 5,4 mln``,
    ``12,5%``, ``3 hectare`` (a unit without a known plural stays as written)."""
    if not decimal(value).is_finite():
        return DASH
    if eenheid == EURO:
        return geld(value, digits)
    if eenheid == PROCENT:
        return f"{getal(value, digits)}%"
    return eenheid_bij(getal(value, digits), eenheid)


def kort(value: Number, eenheid: str, digits: int = QUANTITY_DIGITS) -> str:
    """A quantity where a heading names the unit: ``1.234``, but ``€ 5,4 mln`` and ``12%``."""
    if eenheid in (EURO, PROCENT):
        return aantal(value, eenheid, digits)
    return getal(value, digits)


def paar(van: Number, naar: Number, eenheid: str) -> tuple[str, str]:
    """Two quantities (with unit) that differ, written so that the difference shows:
    5.350.000 and 5.400.000 euro -> ``€ 5,35 mln``, ``€ 5,4 mln`` (not twice ``€ 5,4 mln``)."""
    digits = QUANTITY_DIGITS if eenheid != EURO else MONEY_DIGITS
    while True:
        pair = aantal(van, eenheid, digits), aantal(naar, eenheid, digits)
        if pair[0] != pair[1] or decimal(van) == decimal(naar) or digits >= _MAX_DIGITS:
            return pair
        digits += 1


def procent(fraction: Number | None) -> str:
    """A fraction as a whole percentage: ``0.625`` -> ``63%``; ``None`` -> ``–``."""
    if fraction is None or not decimal(fraction).is_finite():
        return DASH
    return f"{getal(decimal(fraction).scaleb(2), 0)}%"


def meervoud(count: int, enkelvoud: str, meervoud: str) -> str:
    """``1 project``, ``2 projecten``, ``1.200 berichten``."""
    return f"{getal(count)} {enkelvoud if count == 1 else meervoud}"


def balk(fraction: Number | None, cells: int) -> str:
    """A progress bar of ``cells`` characters: ``███░░░░░░░``; empty for ``None``.

    The filled cells are the fraction rounded like any other number, but never fewer
    than one for a value above zero (5% is not an empty bar) and never more than all.
    """
    exact = decimal(fraction) if fraction is not None else Decimal("NaN")
    if not exact.is_finite():
        return ""
    full = int(rounded(exact * cells))
    if exact > 0:
        full = max(1, full)
    full = max(0, min(cells, full))
    return "█" * full + "░" * (cells - full)


def _date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


# The months as Babel's Dutch locale (LOCALE) writes them, in full ("MMMM") and abbreviated
# ("MMM"); tests/test_dutch.py holds them against Babel. A table, not Babel, for dates: loading
# Babel's locale data cost every command that shows one (validate's findings) ~15 ms.
MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MAANDEN_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def datum(value: dt.date | str | None) -> str:
    """``17 januari 2020``: a date in a sentence (also in findings); a date or an ISO date
    text; ``None`` -> ``–``."""
    if value is None:
        return DASH
    day = _date(value)
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def datum_kort(value: dt.date | str | None) -> str:
    """``30 sep 2026``: the same style where a column is narrow (at most ``DATUM_KORT_BREEDTE``
    characters: every abbreviated month has three letters); ``None`` -> ``–``."""
    if value is None:
        return DASH
    day = _date(value)
    return f"{day.day} {MAANDEN_KORT[day.month - 1]} {day.year}"


def tijdstip(value: dt.datetime | str) -> str:
    """``24 november 2026 om 14:05``."""
    from babel.dates import format_datetime

    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return format_datetime(value, "d MMMM y 'om' HH:mm", tzinfo=value.tzinfo, locale=LOCALE)


def opsomming(items: Sequence[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]
