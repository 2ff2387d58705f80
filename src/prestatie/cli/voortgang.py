"""``prestatie voortgang``: record progress on a project (and its status) in its file."""

from __future__ import annotations

from typing import Annotated

import typer

from prestatie import dutch
from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden
from prestatie.cli.options import DataOption, parse_date

app = commands()


@app.command(
    epilog=voorbeelden(
        'prestatie voortgang kerkrade-eygelshoven-doet "Buurtschouw gehouden."',
        'prestatie voortgang kerkrade-eygelshoven-doet "Gestart." --status uitvoering',
        'prestatie voortgang kerkrade-eygelshoven-doet "Klaar." --status opgeleverd',
        'prestatie voortgang kerkrade-eygelshoven-doet "Schouw." --datum 2026-11-20',
    )
)
def voortgang(
    project: Annotated[str, typer.Argument(metavar="PROJECT-ID", help="De id van het project.")],
    toelichting: Annotated[str, typer.Argument(metavar="TOELICHTING", help="Wat er is gebeurd, in een zin.")],
    *,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Nieuwe status: idee, voorbereiding, uitvoering, opgeleverd, gepauzeerd of vervallen.",
            show_default=False,
        ),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option(
            "--datum", metavar="DATUM", help="Datum als JJJJ-MM-DD (standaard: vandaag).", show_default=False
        ),
    ] = None,
    data: DataOption = None,
) -> int:
    """Voeg een voortgangsregel toe aan een project en werk zo nodig de status bij."""
    from prestatie.edit.check import warning_line
    from prestatie.edit.voortgang import record_progress
    from prestatie.source import find_root

    day = None if datum is None else parse_date(datum, "--datum")
    result = record_progress(find_root(data), project, toelichting, status=status, datum=day)
    typer.echo(f"Bijgewerkt: {result.relative}")
    if result.old_status != result.new_status:
        typer.echo(f"Status: {result.old_status} -> {result.new_status}")
    if result.new_status == "opgeleverd" and result.opgeleverd is not None:
        typer.echo(f"Opgeleverd: {dutch.datum(result.opgeleverd)}")
    for finding in result.warnings:
        typer.echo(warning_line(finding))
    return 0
