"""``prestatie import``: a filled-in template applied to the YAML files (or a preview of it)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden
from prestatie.cli.options import DataOption, data_cache

app = commands()


@app.command(
    name="import",
    epilog=voorbeelden(
        "prestatie export heemwonen.xlsx --invulblad --corporatie HEEMwonen",
        "prestatie import heemwonen.xlsx --dry-run",
        "prestatie import heemwonen.xlsx",
    ),
)
def import_(
    bestand: Annotated[
        Path, typer.Argument(metavar="BESTAND", help="Het ingevulde invulblad: .xlsx of .csv.")
    ],
    *,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Toon alleen wat er zou veranderen; schrijf niets."),
    ] = False,
    data: DataOption = None,
) -> int:
    """Verwerk een ingevuld invulblad: status, opleverdatum, voortgang en metingen in de YAML-bestanden."""
    from prestatie.edit.check import warning_line
    from prestatie.edit.importeer import import_spreadsheet
    from prestatie.export.importtext import render_import
    from prestatie.source import find_root

    root = find_root(data)
    result = import_spreadsheet(root, bestand, dry_run=dry_run, cache=data_cache(root))
    sys.stdout.write(render_import(result))
    for finding in result.warnings:
        typer.echo(warning_line(finding))
    return 0
