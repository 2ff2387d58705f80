"""The one table of known units (units.KNOWN_UNITS) and everything derived from it."""

from __future__ import annotations

import re

from conftest import REPO
from prestatie import dutch, models
from prestatie.units import COUNTABLE_UNITS, EURO, KNOWN_UNITS, PROCENT, is_countable


def test_singular_and_plural_of_every_known_unit_come_from_the_table() -> None:
    for name, unit in KNOWN_UNITS.items():
        if name in (EURO, PROCENT):
            continue  # written as an amount: € 1, 1%
        assert dutch.aantal(1, name) == f"1 {unit.enkelvoud}"
        assert dutch.aantal(2, name) == f"2 {name}"
    assert dutch.aantal(1, "hectare") == "1 hectare"  # free text stays as written


def test_countable_units_are_the_table_s_whole_things() -> None:
    assert COUNTABLE_UNITS == {"woningen", "stuks", "personen", "labelstappen"}
    assert all(is_countable(name) == unit.telbaar for name, unit in KNOWN_UNITS.items())
    assert is_countable(" Woningen ") and not is_countable("hectare")


def test_the_schema_examples_and_the_user_docs_name_the_same_units() -> None:
    assert models.EENHEDEN == tuple(KNOWN_UNITS)
    docs = (REPO / "docs/gegevens.md").read_text(encoding="utf-8")
    row = next(line for line in docs.splitlines() if line.startswith("| `eenheid` |"))
    assert re.findall(r"`([a-z]+)`", row.split("|")[4]) == list(KNOWN_UNITS)
    whole = re.search(r"Aantallen in een eenheid die hele\s+dingen telt \(([^)]*)\)", docs)
    fractions = re.search(r"\(PA215\); (.*?) mogen decimalen hebben", docs, re.S)
    assert whole is not None and fractions is not None
    assert re.findall(r"`([a-z]+)`", whole.group(1)) == [n for n, u in KNOWN_UNITS.items() if u.telbaar]
    assert re.findall(r"`([a-z]+)`", fractions.group(1)) == [n for n, u in KNOWN_UNITS.items() if not u.telbaar]
