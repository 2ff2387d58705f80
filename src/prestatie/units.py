"""Units of indicators, and which of them count whole things.

This is the one place that says which units are counts: a woning, a labelstap or a
person cannot be delivered in parts, so every amount in such a unit (a streefwaarde,
a jaarschijf, a per_gemeente target, a project's bijdrage) must be a whole number
(PA215). Every other unit allows fractions: euro, procent, and durations such as
maanden and dagen (an average waiting time of 14.5 maanden is a fine target). In
version 2 of the data model ``eenheid`` is free text; a unit added to the known list
that counts whole things belongs in ``COUNTABLE_UNITS``.
"""

from __future__ import annotations

COUNTABLE_UNITS: frozenset[str] = frozenset({"woningen", "stuks", "personen", "labelstappen"})


def is_countable(eenheid: str) -> bool:
    """Whether amounts in ``eenheid`` are counts, and so whole numbers."""
    return eenheid.strip().casefold() in COUNTABLE_UNITS
