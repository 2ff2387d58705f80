"""Dutch formatting of numbers, amounts, dates and percentages (babel, nl_NL)."""

from __future__ import annotations

import datetime as dt

import pytest

from prestatie.report import format as fmt


@pytest.mark.parametrize(
    ("value", "eenheid", "expected"),
    [
        (1234, "woningen", "1.234 woningen"),
        (1, "woningen", "1 woning"),
        (0, "woningen", "0 woningen"),
        (310.5, "woningen", "311 woningen"),  # half up, not half even
        (1, "stuks", "1 stuk"),
        (4_800_000, "euro", "€ 4,8 mln"),
        (6_000_000, "euro", "€ 6 mln"),
        (650_000, "euro", "€ 650.000"),
        (1_250_000_000, "euro", "€ 1,3 mld"),
        (12.5, "procent", "12,5%"),
    ],
)
def test_aantal(value: float, eenheid: str, expected: str) -> None:
    assert fmt.aantal(value, eenheid) == expected


def test_kort_drops_the_unit_except_money_and_percentages() -> None:
    assert fmt.kort(1650, "stuks") == "1.650"
    assert fmt.kort(900_000, "euro") == "€ 900.000"
    assert fmt.kort(7, "procent") == "7%"


def test_dates_and_times() -> None:
    assert fmt.datum(dt.date(2020, 1, 17)) == "17 januari 2020"
    assert fmt.datum("2024-06-30") == "30 juni 2024"
    assert fmt.datum(None) == "–"
    moment = dt.datetime(2026, 3, 5, 9, 7, tzinfo=dt.UTC)
    assert fmt.tijdstip(moment) == "5 maart 2026 om 09:07"


def test_percentages() -> None:
    assert fmt.procent(0.625) == "63%"
    assert fmt.procent(1.03) == "103%"
    assert fmt.procent(None) == "–"


def test_opsomming() -> None:
    assert fmt.opsomming([]) == ""
    assert fmt.opsomming(["a"]) == "a"
    assert fmt.opsomming(["a", "b", "c"]) == "a, b en c"
