"""``prestatie nieuw project|afspraak|cyclus``: a new, valid, commented data file;
``prestatie nieuw verantwoording``: one verantwoording appended to an afspraak."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden
from prestatie.cli.options import DataOption

app = commands()

if TYPE_CHECKING:
    from prestatie.edit.nieuw import Created

nieuw_app = typer.Typer(
    name="nieuw",
    help="Maak een nieuw project, een nieuwe afspraak of een jaarcyclus aan, met uitleg bij elk veld, "
    "of leg een verantwoording vast bij een afspraak die achterloopt.",
    no_args_is_help=True,
    rich_markup_mode=None,
    epilog=voorbeelden(
        'prestatie nieuw project --gemeente Kerkrade --naam "Flat Bleijerheide"',
        'prestatie nieuw afspraak --thema nieuwbouw --titel "Woningen voor starters"',
        "prestatie nieuw cyclus --jaar 2027",
        "prestatie nieuw verantwoording statushouders-huisvesten \\",
        '    --oorzaak "…" --gevolgen "…" --bijsturing "…"',
    ),
)
app.add_typer(nieuw_app, name="nieuw")


def _report(created: Created) -> None:
    from prestatie.edit.check import warning_line

    typer.echo(f"Aangemaakt: {created.relative}")
    for finding in created.warnings:
        typer.echo(warning_line(finding))
    typer.echo("Vul het bestand aan en controleer het met 'prestatie validate'.")


@nieuw_app.command(
    "project",
    epilog=voorbeelden(
        'prestatie nieuw project --gemeente Kerkrade --naam "Flat Bleijerheide"',
        'prestatie nieuw project --gemeente Heerlen --naam Zorg --status idee',
    ),
)
def project(
    *,
    gemeente: Annotated[
        str,
        typer.Option(
            "--gemeente", metavar="GEMEENTE", help="De gemeente: id of naam, bijvoorbeeld Kerkrade."
        ),
    ],
    naam: Annotated[str, typer.Option("--naam", metavar="NAAM", help="De naam van het project.")],
    afspraak: Annotated[
        list[str] | None,
        typer.Option(
            "--afspraak",
            metavar="AFSPRAAK",
            help="Een afspraak waaraan het project bijdraagt (id of titel); mag vaker.",
            show_default=False,
        ),
    ] = None,
    trekker: Annotated[
        str | None,
        typer.Option(
            "--trekker",
            metavar="PARTIJ",
            help="De partij die het project trekt: id of naam (standaard: de gemeente).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status", metavar="STATUS", help="idee, voorbereiding, uitvoering, gepauzeerd of vervallen."
        ),
    ] = "idee",
    data: DataOption = None,
) -> int:
    """Maak data/projecten/<gemeente>/<id>.yaml aan voor een nieuw project."""
    from prestatie.edit.nieuw import new_project
    from prestatie.source import find_root

    created = new_project(
        find_root(data),
        gemeente=gemeente,
        naam=naam,
        afspraken=afspraak or [],
        trekker=trekker,
        status=status,
    )
    _report(created)
    return 0


@nieuw_app.command(
    "afspraak",
    epilog=voorbeelden('prestatie nieuw afspraak --thema nieuwbouw --titel "Woningen voor starters"'),
)
def afspraak(
    *,
    thema: Annotated[str, typer.Option("--thema", metavar="THEMA", help="Het thema: id of naam.")],
    titel: Annotated[str, typer.Option("--titel", metavar="TITEL", help="De titel van de afspraak.")],
    trekker: Annotated[
        str | None,
        typer.Option(
            "--trekker",
            metavar="PARTIJ",
            help="De partij die de afspraak trekt: id of naam (standaard: de eerste overige partij).",
            show_default=False,
        ),
    ] = None,
    nummer: Annotated[
        str | None,
        typer.Option(
            "--nummer",
            metavar="NUMMER",
            help='Paragraaf in het getekende document, bijv. "2.1".',
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
) -> int:
    """Maak data/afspraken/<id>.yaml aan voor een nieuwe afspraak."""
    from prestatie.edit.nieuw import new_afspraak
    from prestatie.source import find_root

    created = new_afspraak(find_root(data), thema=thema, titel=titel, trekker=trekker, nummer=nummer)
    _report(created)
    return 0


_SHOWN = 5


@nieuw_app.command("cyclus", epilog=voorbeelden("prestatie nieuw cyclus --jaar 2027"))
def cyclus(
    *,
    jaar: Annotated[int, typer.Option("--jaar", metavar="JAAR", help="Het jaar van de cyclus, bijv. 2027.")],
    data: DataOption = None,
) -> int:
    """Maak data/cyclus/<jaar>.yaml aan: een traject per gemeente en corporatie, alle datums leeg."""
    from prestatie.edit.check import warning_line
    from prestatie.edit.cyclus import new_cyclus
    from prestatie.source import find_root

    written = new_cyclus(find_root(data), jaar=jaar)
    typer.echo(f"Aangemaakt: {written.relative} ({written.trajecten} trajecten)")
    for finding in written.warnings[:_SHOWN]:
        typer.echo(warning_line(finding))
    if len(written.warnings) > _SHOWN:
        typer.echo(f"… en nog {len(written.warnings) - _SHOWN} waarschuwingen: zie 'prestatie cyclus'.")
    typer.echo(
        "Vul de datums in, in het bestand of met 'prestatie cyclus zet', en controleer het met "
        "'prestatie validate'."
    )
    return 0


@nieuw_app.command(
    "verantwoording",
    epilog=voorbeelden(
        "prestatie nieuw verantwoording herstructurering-2024-2028 \\",
        '    --oorzaak "Herhuisvesting van bewoners duurt langer." \\',
        '    --gevolgen "Ongeveer 100 woningen worden pas in 2027 gesloopt." \\',
        '    --bijsturing "Een pool van wisselwoningen."',
        "prestatie nieuw verantwoording statushouders-huisvesten --datum 2026-11-15 \\",
        '    --oorzaak "…" --gevolgen "…" --bijsturing "…"',
    ),
)
def verantwoording(
    afspraak: Annotated[str, typer.Argument(metavar="AFSPRAAK", help="De afspraak: id of titel.")],
    *,
    oorzaak: Annotated[
        str, typer.Option("--oorzaak", metavar="TEKST", help="Waarom het doel achterblijft, in een zin.")
    ],
    gevolgen: Annotated[
        str,
        typer.Option(
            "--gevolgen", metavar="TEKST", help="Wat dat betekent, bijvoorbeeld voor de planning."
        ),
    ],
    bijsturing: Annotated[
        str, typer.Option("--bijsturing", metavar="TEKST", help="Wat de partijen eraan doen.")
    ],
    datum: Annotated[
        str | None,
        typer.Option(
            "--datum", metavar="DATUM", help="Datum als JJJJ-MM-DD (standaard: vandaag).", show_default=False
        ),
    ] = None,
    data: DataOption = None,
) -> int:
    """Voeg een verantwoording (oorzaak, gevolgen, bijsturing) toe aan een afspraak; de rest van
    het bestand blijft gelijk."""
    from prestatie.cli.options import parse_date
    from prestatie.dutch import datum as lang
    from prestatie.edit.check import warning_line
    from prestatie.edit.verantwoording import record_verantwoording
    from prestatie.source import find_root

    day = None if datum is None else parse_date(datum, "--datum")
    result = record_verantwoording(
        find_root(data), afspraak, oorzaak=oorzaak, gevolgen=gevolgen, bijsturing=bijsturing, datum=day
    )
    typer.echo(f"Bijgewerkt: {result.relative}: verantwoording van {lang(result.datum)} toegevoegd.")
    for finding in result.warnings:
        typer.echo(warning_line(finding))
    return 0
