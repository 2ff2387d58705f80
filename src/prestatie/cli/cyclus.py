"""``prestatie cyclus``: the annual Woningwet cycle per trajectory, as text or JSON;
``prestatie cyclus zet``: record one date of a trajectory."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden
from prestatie.cli.options import (
    DataOption,
    GemeenteOption,
    PerOption,
    choose_format,
    data_cache,
    parse_peildatum,
)

app = commands()

FORMATS = ("text", "json")

JaarOption = Annotated[
    int | None,
    typer.Option(
        "--jaar",
        metavar="JAAR",
        help="Het jaar van de cyclus (standaard: het jaar van de peildatum, of het laatste jaar "
        "daarvoor met een bestand in data/cyclus/).",
        show_default=False,
    ),
]

CorporatieOption = Annotated[
    str | None,
    typer.Option(
        "--corporatie",
        metavar="C",
        help="Alleen trajecten van deze corporatie (id of naam).",
        show_default=False,
    ),
]

ZetJaarOption = Annotated[
    int | None,
    typer.Option(
        "--jaar",
        metavar="JAAR",
        help="Het jaar van de cyclus (standaard: dit jaar, of het laatste jaar daarvoor met een "
        "bestand in data/cyclus/).",
        show_default=False,
    ),
]

cyclus_app = typer.Typer(
    name="cyclus",
    help="De jaarcyclus van de Woningwet per gemeente en corporatie: fase, datums van bod, "
    "overleg en ondertekening, en wat te laat is. Met 'prestatie cyclus zet' legt u een datum vast.",
    subcommand_metavar="[zet GEMEENTE CORPORATIE VELD DATUM]",
    invoke_without_command=True,
    rich_markup_mode=None,
    epilog=voorbeelden(
        "prestatie cyclus",
        "prestatie cyclus --gemeente Kerkrade --jaar 2026",
        "prestatie cyclus --format json",
    ),
)
app.add_typer(cyclus_app, name="cyclus")


@cyclus_app.callback()
def cyclus(
    ctx: typer.Context,
    *,
    jaar: JaarOption = None,
    gemeente: GemeenteOption = None,
    corporatie: CorporatieOption = None,
    per: PerOption = None,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="text|json", help="Uitvoer: text of json.")
    ] = "text",
    data: DataOption = None,
) -> int:
    """Toon per gemeente en corporatie de fase van de jaarcyclus, de datums en wat achterstallig is.

    Met 'prestatie cyclus zet GEMEENTE CORPORATIE VELD DATUM' legt u een datum vast.
    """
    if ctx.invoked_subcommand is not None:
        return 0
    from prestatie.cyclus.overview import compute_cyclus
    from prestatie.source import find_root
    from prestatie.validate import load_valid

    output = choose_format(format, FORMATS)
    peildatum = parse_peildatum(per)
    root = find_root(data)
    dataset = load_valid(root, cache=data_cache(root))
    stand = compute_cyclus(dataset, peildatum=peildatum, jaar=jaar, gemeente=gemeente, corporatie=corporatie)
    if output == "json":
        import json

        sys.stdout.write(json.dumps(stand.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from prestatie.cyclus.text import render

        sys.stdout.write(render(stand))
    return 0


@cyclus_app.command(
    "zet",
    epilog=voorbeelden(
        "prestatie cyclus zet kerkrade heemwonen bod 2026-06-24",
        "prestatie cyclus zet Kerkrade HEEMwonen ondertekend 2026-12-11 --jaar 2026",
    ),
)
def zet(
    gemeente: Annotated[str, typer.Argument(metavar="GEMEENTE", help="De gemeente: id of naam.")],
    corporatie: Annotated[str, typer.Argument(metavar="CORPORATIE", help="De corporatie: id of naam.")],
    veld: Annotated[
        str,
        typer.Argument(
            metavar="VELD",
            help="evaluatie, huurdersadvies, bod, overleg_gestart, ondertekend, geschil_ingediend "
            "of geschil_uitspraak.",
        ),
    ],
    datum: Annotated[str, typer.Argument(metavar="DATUM", help="De datum als JJJJ-MM-DD.")],
    *,
    jaar: ZetJaarOption = None,
    data: DataOption = None,
) -> int:
    """Leg één datum van een traject vast, bijv. 'prestatie cyclus zet kerkrade heemwonen bod 2026-06-24'."""
    from prestatie.cli.options import parse_date
    from prestatie.dutch import datum as lang
    from prestatie.edit.check import warning_line
    from prestatie.edit.cyclus import set_date
    from prestatie.source import find_root

    day = parse_date(datum, "DATUM")
    result = set_date(
        find_root(data), gemeente=gemeente, corporatie=corporatie, veld=veld, datum=day, jaar=jaar
    )
    was = f" (was {lang(result.old)})" if result.old is not None else ""
    pair = f"{result.gemeente} × {result.corporatie}"
    typer.echo(f"Bijgewerkt: {result.relative}: {pair}, {result.veld} {lang(day)}{was}.")
    typer.echo(f"Fase nu: {result.fase}.")
    for finding in result.warnings:
        typer.echo(warning_line(finding))
    return 0
