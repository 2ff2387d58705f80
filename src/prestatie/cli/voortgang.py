"""``prestatie voortgang``: record progress on a project (and its status) in its file."""

from __future__ import annotations

from typing import Annotated

import typer

from prestatie.cli.app import app
from prestatie.cli.options import DataOption


@app.command()
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
    import datetime as dt

    from prestatie.edit.check import warning_line
    from prestatie.edit.voortgang import record_progress
    from prestatie.errors import UsageError
    from prestatie.source import find_root

    day: dt.date | None = None
    if datum is not None:
        try:
            day = dt.date.fromisoformat(datum)
        except ValueError:
            raise UsageError(
                f"'{datum}' is geen geldige datum voor --datum. Schrijf de datum als JJJJ-MM-DD, "
                "bijvoorbeeld --datum 2024-12-31."
            ) from None
    result = record_progress(find_root(data), project, toelichting, status=status, datum=day)
    typer.echo(f"Bijgewerkt: {result.relative}")
    if result.old_status != result.new_status:
        typer.echo(f"Status: {result.old_status} -> {result.new_status}")
    if result.new_status == "opgeleverd" and result.opgeleverd is not None:
        typer.echo(f"Opgeleverd: {result.opgeleverd.isoformat()}")
    for finding in result.warnings:
        typer.echo(warning_line(finding))
    return 0
