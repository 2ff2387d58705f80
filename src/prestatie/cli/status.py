"""``prestatie status``: progress against the agreements, as text or JSON."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from prestatie.cli.app import app
from prestatie.cli.options import (
    CorporatieOption,
    DataOption,
    GemeenteOption,
    PerOption,
    RevOption,
    ThemaOption,
    choose_format,
    parse_peildatum,
)

FORMATS = ("text", "json")


@app.command()
def status(
    *,
    data: DataOption = None,
    gemeente: GemeenteOption = None,
    corporatie: CorporatieOption = None,
    thema: ThemaOption = None,
    per: PerOption = None,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="text|json", help="Uitvoer: text of json.")
    ] = "text",
    rev: RevOption = None,
) -> int:
    """Toon per afspraak en doel of het op koers ligt, en welke projecten vertraagd zijn."""

    from prestatie.source import find_root
    from prestatie.status import compute_status
    from prestatie.validate import load_valid

    output = choose_format(format, FORMATS)
    peildatum = parse_peildatum(per)
    dataset = load_valid(find_root(data), rev=rev)
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
