"""The known units of indicators: the one table of them.

``eenheid`` is free text in version 2 of the data model; the units in ``KNOWN_UNITS``
get Dutch notation (docs/gegevens.md). Per unit the table says

- its singular after exactly one (``1 woning``; ``dutch.aantal`` writes it), and
- whether it counts whole things: a woning, a labelstap or a person cannot be delivered
  in parts, so every amount in such a unit (a streefwaarde, a jaarschijf, a per_gemeente
  target, a project's bijdrage) must be a whole number (PA215). Every other unit allows
  fractions: euro, procent, and durations such as maanden and dagen (an average waiting
  time of 14.5 maanden is a fine target).

``COUNTABLE_UNITS``, ``dutch.SINGULAR`` and ``models.EENHEDEN`` (the examples of the JSON
Schema) are derived from this table; a new known unit is one row here.
"""

from __future__ import annotations

from typing import NamedTuple

EURO = "euro"
PROCENT = "procent"


class Unit(NamedTuple):
    enkelvoud: str  # after exactly one: "1 woning"; the same word when it has no plural
    telbaar: bool  # counts whole things: amounts are whole numbers (PA215)


# In the order the documentation and the JSON Schema list them.
KNOWN_UNITS: dict[str, Unit] = {
    "woningen": Unit("woning", telbaar=True),
    EURO: Unit(EURO, telbaar=False),
    "stuks": Unit("stuk", telbaar=True),
    PROCENT: Unit(PROCENT, telbaar=False),
    "personen": Unit("persoon", telbaar=True),
    "maanden": Unit("maand", telbaar=False),
    "dagen": Unit("dag", telbaar=False),
    "labelstappen": Unit("labelstap", telbaar=True),
}

COUNTABLE_UNITS: frozenset[str] = frozenset(name for name, unit in KNOWN_UNITS.items() if unit.telbaar)


def is_countable(eenheid: str) -> bool:
    """Whether amounts in ``eenheid`` are counts, and so whole numbers."""
    return eenheid.strip().casefold() in COUNTABLE_UNITS
