"""Options that several commands share, and turning their text into values."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from prestatie.errors import UsageError

if TYPE_CHECKING:
    from prestatie.cache import Cache

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="PAD",
        help="De map die data/ bevat (standaard: deze map of de dichtstbijzijnde map erboven).",
        show_default=False,
    ),
]
PerOption = Annotated[
    str | None,
    typer.Option(
        "--per",
        metavar="DATUM",
        help="Peildatum als JJJJ-MM-DD (standaard: vandaag).",
        show_default=False,
    ),
]

# The selection that status, report and diff share (resolved by prestatie.selection).
GemeenteOption = Annotated[
    str | None,
    typer.Option("--gemeente", metavar="G", help="Alleen deze gemeente (id of naam).", show_default=False),
]
CorporatieOption = Annotated[
    str | None,
    typer.Option(
        "--corporatie",
        metavar="C",
        help="Alleen projecten waarin deze corporatie trekker of partij is (id of naam).",
        show_default=False,
    ),
]
ThemaOption = Annotated[
    str | None,
    typer.Option(
        "--thema", metavar="T", help="Alleen afspraken van dit thema (id of naam).", show_default=False
    ),
]
OvereenkomstOption = Annotated[
    str | None,
    typer.Option(
        "--overeenkomst",
        metavar="ID|alle",
        help="Alleen de afspraken van deze overeenkomst (met haar onderdelen), of 'alle' "
        "(standaard: de overeenkomsten die op de peildatum lopen, anders de laatst afgelopen).",
        show_default=False,
    ),
]
RevOption = Annotated[
    str | None,
    typer.Option(
        "--rev",
        metavar="REV",
        help="Reken met de gegevens zoals ze waren in deze git-revisie: tag, branch, commit of "
        "datum JJJJ-MM-DD (de laatste commit op of vóór die dag).",
        show_default=False,
    ),
]


class _CacheChoice:
    """Whether this run may use the cache: set by the program's own option ``--geen-cache``
    (app.root runs before every command, so each run sets it)."""

    enabled = True


def use_cache(enabled: bool) -> None:
    _CacheChoice.enabled = enabled


def data_cache(root: Path) -> Cache | None:
    """The cache of per-file results for the data below ``root``, unless ``--geen-cache`` was given."""
    if not _CacheChoice.enabled:
        return None
    from prestatie.cache import Cache

    return Cache.for_root(root)


def parse_peildatum(text: str | None) -> dt.date:
    return dt.date.today() if text is None else parse_date(text, "--per")


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The years a data set can speak about (as the schema's Jaar): dates far outside
# them are typing errors, and the calendar arithmetic of status has no room there.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def parse_date(text: str, option: str) -> dt.date:
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"'{text}' is geen geldige datum voor {option}. Schrijf de datum als JJJJ-MM-DD, "
            f"bijvoorbeeld {option} 2024-12-31."
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(
            f"{text} bij {option} ligt buiten de jaren {FIRST_YEAR} tot en met {LAST_YEAR}. "
            "Controleer het jaartal."
        )
    return day


def choose_format(value: str, allowed: tuple[str, ...], option: str = "--format") -> str:
    if value not in allowed:
        raise UsageError(f"'{value}' is geen geldige waarde voor {option}. Kies uit: {', '.join(allowed)}.")
    return value
