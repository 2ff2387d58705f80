"""Options that several commands share, and turning their text into values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from prestatie.errors import UsageError

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


def parse_peildatum(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"'{text}' is geen geldige datum voor --per. Schrijf de datum als JJJJ-MM-DD, "
            "bijvoorbeeld --per 2024-12-31."
        ) from None


def choose_format(value: str, allowed: tuple[str, ...], option: str = "--format") -> str:
    if value not in allowed:
        raise UsageError(f"'{value}' is geen geldige waarde voor {option}. Kies uit: {', '.join(allowed)}.")
    return value
