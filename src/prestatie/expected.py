"""Verwacht: how much of a target should be realised at a peildatum.

The peildatum counts as a whole day: on 1 January 1/365 (1/366 in a leap year) of
that year's part is expected, on 31 December all of it. Arithmetic is exact
(fractions) and rounded once, half up, to one decimal.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from fractions import Fraction


def elapsed(first: dt.date, last: dt.date, peildatum: dt.date) -> Fraction:
    """The part of the days first..last (inclusive) that lie on or before the peildatum."""
    if peildatum < first:
        return Fraction(0)
    if peildatum >= last:
        return Fraction(1)
    return Fraction((peildatum - first).days + 1, (last - first).days + 1)


def linear(streefwaarde: float, van: int, tot: int, peildatum: dt.date) -> Fraction:
    """Spread evenly over the days from 1 January ``van`` to 31 December ``tot``."""
    return Fraction(streefwaarde) * elapsed(dt.date(van, 1, 1), dt.date(tot, 12, 31), peildatum)


def from_jaarschijven(jaarschijven: Mapping[int, float], peildatum: dt.date) -> Fraction:
    """Every earlier year in full, the peildatum's year pro rata by day, later years not."""
    return sum(
        (
            Fraction(amount) * elapsed(dt.date(year, 1, 1), dt.date(year, 12, 31), peildatum)
            for year, amount in jaarschijven.items()
        ),
        Fraction(0),
    )


def round_1(value: Fraction) -> float:
    """Round half up to one decimal."""
    return float(Fraction(math.floor(value * 10 + Fraction(1, 2)), 10))
