"""The one Dutch notation: one rounding rule (half away from zero, on the value as written)
for numbers, amounts, quantities, percentages and bars; dates, plurals and lists."""

from __future__ import annotations

import datetime as dt

import pytest

from prestatie import dutch

# value -> (getal, geld, aantal woningen, procent of value/100, bar of value/100 in 10 cells)
TABLE = [
    (0, "0", "€ 0", "0 woningen", "0%", "░░░░░░░░░░"),
    (0.05, "0,1", "€ 0", "0,1 woningen", "0%", "█░░░░░░░░░"),
    (0.5, "0,5", "€ 1", "0,5 woningen", "1%", "█░░░░░░░░░"),
    (1, "1", "€ 1", "1 woning", "1%", "█░░░░░░░░░"),
    (2.25, "2,3", "€ 2", "2,3 woningen", "2%", "█░░░░░░░░░"),
    (2.35, "2,4", "€ 2", "2,4 woningen", "2%", "█░░░░░░░░░"),
    (5, "5", "€ 5", "5 woningen", "5%", "█░░░░░░░░░"),
    (14.5, "14,5", "€ 15", "14,5 woningen", "15%", "█░░░░░░░░░"),
    (15, "15", "€ 15", "15 woningen", "15%", "██░░░░░░░░"),
    (62.5, "62,5", "€ 63", "62,5 woningen", "63%", "██████░░░░"),
    (100, "100", "€ 100", "100 woningen", "100%", "██████████"),
    (103, "103", "€ 103", "103 woningen", "103%", "██████████"),
    (310.45, "310,5", "€ 310", "310,5 woningen", "310%", "██████████"),
    (310.5, "310,5", "€ 311", "310,5 woningen", "311%", "██████████"),
    (1234, "1.234", "€ 1.234", "1.234 woningen", "1.234%", "██████████"),
    (650_000, "650.000", "€ 650.000", "650.000 woningen", "650.000%", "██████████"),
    (999_999.5, "999.999,5", "€ 1 mln", "999.999,5 woningen", "1.000.000%", "██████████"),
    (1_000_000, "1.000.000", "€ 1 mln", "1.000.000 woningen", "1.000.000%", "██████████"),
    (1_050_000, "1.050.000", "€ 1,1 mln", "1.050.000 woningen", "1.050.000%", "██████████"),
    (5_350_000, "5.350.000", "€ 5,4 mln", "5.350.000 woningen", "5.350.000%", "██████████"),
    (999_960_000, "999.960.000", "€ 1 mld", "999.960.000 woningen", "999.960.000%", "██████████"),
    (1_250_000_000, "1.250.000.000", "€ 1,3 mld", "1.250.000.000 woningen", "1.250.000.000%", "██████████"),
    (-1, "-1", "€ -1", "-1 woning", "-1%", "░░░░░░░░░░"),
    (-0.04, "0", "€ 0", "0 woningen", "0%", "░░░░░░░░░░"),
    (-2.25, "-2,3", "€ -2", "-2,3 woningen", "-2%", "░░░░░░░░░░"),
    (-5_350_000, "-5.350.000", "€ -5,4 mln", "-5.350.000 woningen", "-5.350.000%", "░░░░░░░░░░"),
]


@pytest.mark.parametrize(("value", "getal", "geld", "woningen", "procent", "balk"), TABLE)
def test_one_rounding_rule_everywhere(
    value: float, getal: str, geld: str, woningen: str, procent: str, balk: str
) -> None:
    assert dutch.getal(value) == getal
    assert dutch.geld(value) == geld
    assert dutch.aantal(value, "woningen") == woningen
    assert dutch.kort(value, "woningen") == getal
    assert dutch.kort(value, "euro") == geld
    assert dutch.procent(value / 100) == procent
    assert dutch.balk(value / 100, 10) == balk


@pytest.mark.parametrize(
    ("value", "eenheid", "expected"),
    [
        (1, "woningen", "1 woning"),
        (1, "stuks", "1 stuk"),
        (1, "personen", "1 persoon"),
        (1, "maanden", "1 maand"),
        (1, "dagen", "1 dag"),
        (1, "labelstappen", "1 labelstap"),
        (2, "labelstappen", "2 labelstappen"),
        (1.04, "woningen", "1 woning"),  # as written: one
        (1, "hectare", "1 hectare"),  # free text, as written
        (3, "m² vloeroppervlak", "3 m² vloeroppervlak"),
        (7, "", "7"),
        (12.5, "procent", "12,5%"),
        (12.25, "procent", "12,3%"),
        (1, "euro", "€ 1"),
        (4_800_000, "euro", "€ 4,8 mln"),
    ],
)
def test_units_and_plurals(value: float, eenheid: str, expected: str) -> None:
    assert dutch.aantal(value, eenheid) == expected


def test_kort_drops_the_unit_except_money_and_percentages() -> None:
    assert dutch.kort(1650, "stuks") == "1.650"
    assert dutch.kort(900_000, "euro") == "€ 900.000"
    assert dutch.kort(7, "procent") == "7%"


@pytest.mark.parametrize(
    ("van", "naar", "eenheid", "expected"),
    [
        (5_350_000, 5_400_000, "euro", ("€ 5,35 mln", "€ 5,4 mln")),
        (5_351_000, 5_352_000, "euro", ("€ 5,351 mln", "€ 5,352 mln")),
        (4_800_000, 5_100_000, "euro", ("€ 4,8 mln", "€ 5,1 mln")),
        (650_000, 1_050_000, "euro", ("€ 650.000", "€ 1,1 mln")),
        (2.25, 2.3, "stuks", ("2,25 stuks", "2,3 stuks")),
        (400, 450, "woningen", ("400 woningen", "450 woningen")),
        (1, 1.0, "woningen", ("1 woning", "1 woning")),
    ],
)
def test_a_change_shows_the_difference(van: float, naar: float, eenheid: str, expected: tuple[str, str]) -> None:
    assert dutch.paar(van, naar, eenheid) == expected


def test_values_that_are_not_numbers_are_a_dash() -> None:
    for value in (float("inf"), float("-inf"), float("nan")):
        assert dutch.getal(value) == "–"
        assert dutch.geld(value) == "–"
        assert dutch.aantal(value, "woningen") == "–"
        assert dutch.procent(value) == "–"
        assert dutch.balk(value, 4) == ""
    assert dutch.procent(None) == "–"
    assert dutch.balk(None, 4) == ""
    assert dutch.getal(1e40) == "10" + ".000" * 13


def test_bars_fill_at_least_one_cell_and_at_most_all() -> None:
    assert dutch.balk(0.001, 8) == "█░░░░░░░"
    assert dutch.balk(0.5, 8) == "████░░░░"
    assert dutch.balk(0.0625, 8) == "█░░░░░░░"
    assert dutch.balk(0.1875, 8) == "██░░░░░░"  # 1,5 cells: half up
    assert dutch.balk(2.5, 8) == "████████"


def test_plurals() -> None:
    assert dutch.meervoud(0, "project", "projecten") == "0 projecten"
    assert dutch.meervoud(1, "project", "projecten") == "1 project"
    assert dutch.meervoud(1200, "bericht", "berichten") == "1.200 berichten"


def test_dates_and_times() -> None:
    assert dutch.datum(dt.date(2020, 1, 17)) == "17 januari 2020"
    assert dutch.datum("2024-06-30") == "30 juni 2024"
    assert dutch.datum(None) == "–"
    assert dutch.datum_kort(dt.date(2026, 9, 30)) == "30 sep 2026"
    assert dutch.datum_kort(dt.date(2026, 3, 5)) == "5 mrt 2026"
    assert dutch.datum_kort(None) == "–"
    assert dutch.datum_kort("2026-01-02") == "2 jan 2026"
    moment = dt.datetime(2026, 3, 5, 9, 7, tzinfo=dt.UTC)
    assert dutch.tijdstip(moment) == "5 maart 2026 om 09:07"


def test_one_date_style_long_and_short() -> None:
    # The short form is the long form with the month cut to three letters, never digits,
    # and it fits the column width that tables (cyclus, geschiedenis) reserve for it.
    for month in range(1, 13):
        day = dt.date(2026, month, 28)
        long, short = dutch.datum(day), dutch.datum_kort(day)
        assert long.split()[0] == short.split()[0] == "28"
        assert long.split()[2] == short.split()[2] == "2026"
        assert long.split()[1].startswith(short.split()[1]) or (long.split()[1], short.split()[1]) == (
            "maart",
            "mrt",
        )
        assert len(short.split()[1]) == 3 and short.split()[1].isalpha()
        assert len(short) <= dutch.DATUM_KORT_BREEDTE
    assert len(dutch.datum_kort(dt.date(2026, 12, 31))) == dutch.DATUM_KORT_BREEDTE


def test_the_month_names_are_babels() -> None:
    # dutch.py writes dates from its own table (Babel's locale data is slow to load); it is
    # the table Babel's Dutch locale has, for every month and day and for years without padding.
    from babel.dates import format_date

    for day in [dt.date(2026, month, 1) for month in range(1, 13)] + [dt.date(5, 6, 9), dt.date(2100, 12, 31)]:
        assert dutch.datum(day) == format_date(day, "d MMMM y", locale=dutch.LOCALE)
        assert dutch.datum_kort(day) == format_date(day, "d MMM y", locale=dutch.LOCALE)


def test_opsomming() -> None:
    assert dutch.opsomming([]) == ""
    assert dutch.opsomming(["a"]) == "a"
    assert dutch.opsomming(["a", "b"]) == "a en b"
    assert dutch.opsomming(["a", "b", "c"]) == "a, b en c"
