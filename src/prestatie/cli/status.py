"""``prestatie status``: progress against the agreements, as text or JSON."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from prestatie.cli.app import app
from prestatie.cli.options import DataOption, PerOption, choose_format, parse_peildatum

FORMATS = ("text", "json")


@app.command()
def status(
    *,
    data: DataOption = None,
    gemeente: Annotated[
        str | None,
        typer.Option(
            "--gemeente", metavar="G", help="Alleen deze gemeente (id of naam).", show_default=False
        ),
    ] = None,
    corporatie: Annotated[
        str | None,
        typer.Option(
            "--corporatie",
            metavar="C",
            help="Alleen projecten waarin deze corporatie trekker of partij is (id of naam).",
            show_default=False,
        ),
    ] = None,
    thema: Annotated[
        str | None,
        typer.Option(
            "--thema", metavar="T", help="Alleen afspraken van dit thema (id of naam).", show_default=False
        ),
    ] = None,
    per: PerOption = None,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="text|json", help="Uitvoer: text of json.")
    ] = "text",
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            metavar="REV",
            help="Reken met de gegevens zoals ze waren in deze git-revisie: tag, branch, commit of "
            "datum JJJJ-MM-DD (de laatste commit op of vóór die dag).",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Toon per afspraak en doel of het op koers ligt, en welke projecten vertraagd zijn."""
    import datetime as dt

    from prestatie.source import find_root
    from prestatie.status import compute_status
    from prestatie.validate import require_valid, validate_directory

    output = choose_format(format, FORMATS)
    peildatum = parse_peildatum(per)
    # Validate against today: an oplevering before today is valid data even when the
    # peildatum lies before it (status then counts the project as in uitvoering).
    if rev is not None:
        from prestatie.gitsource import require_valid_at

        dataset = require_valid_at(find_root(data), rev, peildatum=dt.date.today())
    else:
        dataset = require_valid(*validate_directory(find_root(data), peildatum=dt.date.today()))
    report = compute_status(
        dataset, peildatum=peildatum, gemeente=gemeente, corporatie=corporatie, thema=thema
    )
    if output == "json":
        import json

        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from prestatie.status import text
        from prestatie.terminal import console

        text.write(report, console())
    return 0
