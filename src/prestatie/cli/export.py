"""``prestatie export``: the data and the status as a spreadsheet (xlsx) or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden
from prestatie.cli.options import (
    CorporatieOption,
    DataOption,
    GemeenteOption,
    OvereenkomstOption,
    PerOption,
    RevOption,
    ThemaOption,
    data_cache,
    parse_peildatum,
)

app = commands()


@app.command(
    epilog=voorbeelden(
        "prestatie export prestatie.xlsx",
        "prestatie export kerkrade.xlsx --gemeente Kerkrade --per 2025-12-31",
        "prestatie export status.csv --blad status",
        "prestatie export parkstad-2019-2024.xlsx --overeenkomst parkstad-2019-2024",
        "prestatie export heemwonen.xlsx --invulblad --corporatie HEEMwonen",
    )
)
def export(
    pad: Annotated[
        Path, typer.Argument(metavar="PAD", help="Het bestand dat wordt geschreven: .xlsx of .csv.")
    ],
    *,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="xlsx|csv",
            help="xlsx (een werkmap met alle bladen) of csv (één blad); standaard volgens de extensie.",
            show_default=False,
        ),
    ] = None,
    blad: Annotated[
        str | None,
        typer.Option(
            "--blad",
            metavar="BLAD",
            help="Alleen dit blad: overeenkomsten, projecten, afspraken, status, metingen of cyclus. "
            "Een csv-bestand bevat één blad (standaard projecten).",
            show_default=False,
        ),
    ] = None,
    invulblad: Annotated[
        bool,
        typer.Option(
            "--invulblad",
            help="Een invulblad voor één corporatie (met --corporatie): haar projecten met lege kolommen "
            "voor nieuwe status, opleverdatum en voortgang, en de metingen die ze aanlevert. Terug met "
            "'prestatie import'.",
        ),
    ] = False,
    data: DataOption = None,
    gemeente: GemeenteOption = None,
    corporatie: CorporatieOption = None,
    thema: ThemaOption = None,
    overeenkomst: OvereenkomstOption = None,
    per: PerOption = None,
    rev: RevOption = None,
) -> int:
    """Zet projecten, afspraken, de status op de peildatum, metingen en de jaarcyclus in een spreadsheet.

    Het eerste blad noemt de overeenkomsten die de export beslaat: zonder --overeenkomst die
    op de peildatum lopen (anders de laatst afgelopen)."""
    from prestatie.atomic import replace_file
    from prestatie.errors import UsageError
    from prestatie.export.tables import compute_export, invulblad_tables
    from prestatie.export.write import export_bytes, format_of
    from prestatie.source import find_root
    from prestatie.validate import load_valid

    kind = format_of(pad, format)
    peildatum = parse_peildatum(per)
    root = find_root(data)
    dataset = load_valid(root, rev=rev, cache=data_cache(root))
    if invulblad:
        if corporatie is None or gemeente is not None or thema is not None or overeenkomst is not None:
            raise UsageError(
                "Een invulblad is voor één corporatie: geef --corporatie, zonder --gemeente, --thema of "
                "--overeenkomst."
            )
        tables = invulblad_tables(dataset, corporatie, peildatum=peildatum)
    else:
        tables = compute_export(
            dataset,
            peildatum=peildatum,
            gemeente=gemeente,
            corporatie=corporatie,
            thema=thema,
            overeenkomst=overeenkomst,
        )
    replace_file(pad, export_bytes(tables, kind, blad))
    typer.echo(f"Geschreven: {pad}")
    return 0
