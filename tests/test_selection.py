"""--gemeente, --corporatie and --thema: by id or by name, case-insensitively."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO
from prestatie.dataset import DataSet
from prestatie.errors import UsageError
from prestatie.selection import (
    Selection,
    resolve_corporatie,
    resolve_gemeente,
    resolve_selection,
    resolve_thema,
)
from prestatie.validate import require_valid, validate_directory


@pytest.fixture(scope="module")
def shipped() -> DataSet:
    return require_valid(*validate_directory(REPO, peildatum=dt.date.today()))


@pytest.mark.parametrize("text", ["kerkrade", "Kerkrade", "KERKRADE", " kerkrade "])
def test_gemeente_by_id_or_name_in_any_case(shipped: DataSet, text: str) -> None:
    assert resolve_gemeente(shipped, text) == "kerkrade"


@pytest.mark.parametrize("text", ["vincio-wonen", "Vincio Wonen", "vincio wonen", "VINCIO-WONEN"])
def test_corporatie_by_id_or_name(shipped: DataSet, text: str) -> None:
    assert resolve_corporatie(shipped, text) == "vincio-wonen"


def test_thema_by_id_or_name(shipped: DataSet) -> None:
    assert resolve_thema(shipped, "wonen-en-zorg") == "wonen-en-zorg"
    assert resolve_thema(shipped, "wonen en zorg") == "wonen-en-zorg"
    assert resolve_thema(shipped, "Aanpak slechte particuliere koopsector") == "particuliere-voorraad"


def test_unknown_gemeente_lists_the_names_and_suggests_one(shipped: DataSet) -> None:
    with pytest.raises(UsageError) as caught:
        resolve_gemeente(shipped, "Kerkraad")
    assert str(caught.value) == (
        "Onbekende gemeente 'Kerkraad' bij --gemeente. Bedoelde u 'Kerkrade'? Kies uit: Beekdaelen, "
        "Brunssum, Heerlen, Kerkrade, Landgraaf, Simpelveld, Voerendaal."
    )
    assert caught.value.exit_code == 2


def test_suggestion_by_id_shows_the_name(shipped: DataSet) -> None:
    with pytest.raises(UsageError, match="Bedoelde u 'Woningstichting Simpelveld'"):
        resolve_corporatie(shipped, "woningstichting-simpelvel")


def test_no_suggestion_when_nothing_is_close(shipped: DataSet) -> None:
    with pytest.raises(UsageError) as caught:
        resolve_thema(shipped, "xyz")
    assert "Bedoelde u" not in str(caught.value)
    assert "Wonen en zorg (wonen-en-zorg)" in str(caught.value)


def test_a_gemeente_is_no_corporatie(shipped: DataSet) -> None:
    with pytest.raises(UsageError, match="Onbekende corporatie 'Kerkrade'"):
        resolve_corporatie(shipped, "Kerkrade")


def test_resolve_selection(shipped: DataSet) -> None:
    assert resolve_selection(shipped) == Selection()
    assert resolve_selection(shipped, gemeente="Heerlen", corporatie="Weller", thema="nieuwbouw") == Selection(
        "heerlen", "weller", "nieuwbouw"
    )


def test_the_one_choice_of_overeenkomsten() -> None:
    """selection.choose_overeenkomsten: running (all levels), else the last ended with its
    parts, before every period the first; an id with its parts; 'alle'; diff's own default."""
    from prestatie.errors import InternalError
    from prestatie.selection import STANDAARD, STANDAARD_DIFF, OvereenkomstFeiten, choose_overeenkomsten

    day = dt.date
    known = [
        OvereenkomstFeiten("oud", "Oude afspraken", None, day(2019, 1, 1), day(2024, 12, 31)),
        OvereenkomstFeiten("oud-lokaal", "Lokaal oud", "oud", day(2019, 1, 1), day(2019, 12, 31)),
        OvereenkomstFeiten("nieuw", "Nieuwe afspraken", None, day(2026, 1, 1), day(2028, 12, 31)),
        OvereenkomstFeiten("schijf", "Jaarschijf", "nieuw", day(2027, 1, 1), day(2027, 12, 31)),
    ]

    def choose(wanted: str | None, peildatum: dt.date) -> tuple[str | None, frozenset[str] | None]:
        return choose_overeenkomsten(wanted, known, standaard=STANDAARD, peildatum=peildatum)

    assert choose(None, day(2027, 6, 1)) == (None, {"nieuw", "schijf"})
    assert choose(None, day(2025, 6, 1)) == (None, {"oud", "oud-lokaal"})  # none runs: the last ended
    assert choose(None, day(2018, 6, 1)) == (None, {"oud", "oud-lokaal"})  # before every period
    assert choose("Nieuwe afspraken", day(2018, 6, 1)) == ("nieuw", {"nieuw", "schijf"})
    assert choose(" ALLE ", day(2027, 6, 1)) == ("alle", None)
    assert choose_overeenkomsten(None, known, standaard=STANDAARD_DIFF) == (None, None)
    with pytest.raises(UsageError, match="Onbekende overeenkomst 'nieuwe' bij --overeenkomst"):
        choose("nieuwe", day(2027, 6, 1))
    with pytest.raises(InternalError):
        choose_overeenkomsten(None, known, standaard=STANDAARD)


def test_a_gemeente_leaves_out_the_overeenkomsten_of_other_gemeenten() -> None:
    """Heerlen's view does not cover Kerkrade's jaarschijf, unless it is chosen by id."""
    from prestatie.selection import STANDAARD, STANDAARD_DIFF, OvereenkomstFeiten, choose_overeenkomsten

    day = dt.date
    known = [
        OvereenkomstFeiten("regio", "Regionaal", None, day(2024, 1, 1), day(2028, 12, 31)),
        OvereenkomstFeiten("schijf", "Jaarschijf", "regio", day(2026, 1, 1), day(2026, 12, 31), frozenset({"k"})),
    ]

    def choose(wanted: str | None, gemeente: str | None) -> tuple[str | None, frozenset[str] | None]:
        return choose_overeenkomsten(wanted, known, standaard=STANDAARD, peildatum=day(2026, 6, 1), gemeente=gemeente)

    assert choose(None, None) == (None, {"regio", "schijf"})
    assert choose(None, "k") == (None, {"regio", "schijf"})
    assert choose(None, "h") == (None, {"regio"})
    assert choose("alle", "h") == ("alle", {"regio"})
    assert choose("alle", "k") == ("alle", None)
    assert choose("regio", "h") == ("regio", {"regio"})
    assert choose("schijf", "h") == ("schijf", {"schijf"})  # asked for by id: shown (with no afspraken)
    assert choose_overeenkomsten(None, known, standaard=STANDAARD_DIFF, gemeente="h") == (None, {"regio"})
