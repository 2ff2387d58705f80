"""Dutch formatting of numbers, amounts, dates and percentages (babel, nl_NL).

``1.234 woningen``, ``€ 4,8 mln``, ``17 januari 2020``, ``62%``. Rounding is
half-up, as people expect in a briefing (babel itself rounds half-even).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

LOCALE = "nl_NL"

# Nouns that the reports count, plural -> singular ("1 woning", "2 woningen").
_SINGULAR = {
    "woningen": "woning",
    "stuks": "stuk",
    "afspraken": "afspraak",
    "projecten": "project",
    "gemeenten": "gemeente",
    "wijkprojecten": "wijkproject",
    "labelstappen": "labelstap",
    "zorgwoonvormen": "zorgwoonvorm",
}


def _rounded(value: float, digits: int = 0) -> Decimal:
    quantum = Decimal(1).scaleb(-digits)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def getal(value: float, digits: int = 0) -> str:
    """A number with Dutch separators: ``1.234``, ``2,5`` (trailing zeros dropped)."""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(_rounded(value, digits), format=pattern, locale=LOCALE)


def geld(value: float) -> str:
    """An amount in euro: ``€ 650.000``, ``€ 4,8 mln``, ``€ 1,2 mld``."""
    if abs(value) >= 1_000_000_000:
        return f"€ {getal(value / 1_000_000_000, 1)} mld"
    if abs(value) >= 1_000_000:
        return f"€ {getal(value / 1_000_000, 1)} mln"
    return f"€ {getal(value)}"


def aantal(value: float, eenheid: str) -> str:
    """A quantity with its unit: ``1.234 woningen``, ``1 woning``, ``€ 4,8 mln``, ``12%``."""
    if eenheid == "euro":
        return geld(value)
    if eenheid == "procent":
        return f"{getal(value, 1)}%"
    text = getal(value)
    noun = _SINGULAR.get(eenheid, eenheid) if text == "1" else eenheid
    return f"{text} {noun}"


def kort(value: float, eenheid: str) -> str:
    """A quantity without its unit where the column says it (``30``), but ``€ 4,8 mln`` and ``12%``."""
    if eenheid in ("euro", "procent"):
        return aantal(value, eenheid)
    return getal(value)


def procent(fraction: float | None) -> str:
    """A fraction as a whole percentage: ``0.625`` -> ``63%``; ``None`` -> ``–``."""
    if fraction is None:
        return "–"
    return f"{getal(fraction * 100)}%"


def datum(value: dt.date | str | None) -> str:
    """``17 januari 2020``; accepts a date or an ISO date text; ``None`` -> ``–``."""
    if value is None:
        return "–"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, format="long", locale=LOCALE)


def tijdstip(value: dt.datetime | str) -> str:
    """``24 november 2026 om 14:05``."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return format_datetime(value, "d MMMM y 'om' HH:mm", tzinfo=value.tzinfo, locale=LOCALE)


def opsomming(items: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def datum_kort(value: dt.date | None) -> str:
    """``24-06-2026``: a date in a narrow table column; ``None`` -> ``–``."""
    if value is None:
        return "–"
    return format_date(value, format="dd-MM-yyyy", locale=LOCALE)
