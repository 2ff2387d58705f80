"""``prestatie report``: a briefing as Markdown or a self-contained HTML page."""

from __future__ import annotations

import sys
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
    choose_format,
    data_cache,
    parse_peildatum,
)
from prestatie.errors import UsageError

app = commands()

FORMATS = ("markdown", "html", "pdf")
_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def _pick_format(format: str | None, output: Path | None, alle: bool) -> str:
    if format is not None:
        return choose_format(format, FORMATS)
    if output is None or alle:
        return "markdown"
    kind = _BY_SUFFIX.get(output.suffix.lower())
    if kind is None:
        raise UsageError(
            f"Uit de naam '{output.name}' blijkt niet welk formaat u wilt. Gebruik de extensie .md, "
            ".html of .pdf, of geef --format markdown, --format html of --format pdf op."
        )
    return kind


@app.command(
    epilog=voorbeelden(
        "prestatie report --gemeente Kerkrade",
        "prestatie report --gemeente Kerkrade --output kerkrade.html",
        "prestatie report --gemeente Kerkrade --output kerkrade.pdf",
        "prestatie report --alle --output rapporten/ --format html",
        "prestatie report --gemeente Kerkrade --sinds v2023",
    )
)
def report(
    *,
    data: DataOption = None,
    gemeente: GemeenteOption = None,
    corporatie: CorporatieOption = None,
    thema: ThemaOption = None,
    overeenkomst: OvereenkomstOption = None,
    per: PerOption = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="markdown|html|pdf",
            help="Uitvoer: markdown, html of pdf (standaard: volgens de extensie van --output, anders "
            "markdown). Een PDF vraagt WeasyPrint: pip install 'prestatie[pdf]'.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PAD",
            help="Schrijf naar dit bestand (.md, .html of .pdf) in plaats van naar het scherm; "
            "met --alle een map.",
            show_default=False,
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="PAD",
            help="Map met eigen sjablonen (report.md.j2, report.html.j2, index.*.j2).",
            show_default=False,
        ),
    ] = None,
    alle: Annotated[
        bool,
        typer.Option(
            "--alle", help="Eén rapport per gemeente plus een overzichtspagina, in de map van --output."
        ),
    ] = False,
    rev: RevOption = None,
    sinds: Annotated[
        str | None,
        typer.Option(
            "--sinds",
            metavar="REV",
            help="Voeg een hoofdstuk 'Wijzigingen sinds …' toe: wat er veranderde sinds deze git-revisie "
            "(tag, branch, commit of datum JJJJ-MM-DD), zoals 'prestatie diff' het toont.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Maak een briefing over de voortgang: Markdown, een HTML-pagina om te printen, of een PDF."""
    from prestatie.report.build import make_report
    from prestatie.source import find_root

    kind = _pick_format(format, output, alle)
    if kind == "pdf" and output is None and sys.stdout.isatty():
        raise UsageError(
            "Een PDF is geen tekst voor het scherm. Geef met --output een bestand op, zoals "
            "--output rapport.pdf, of stuur de uitvoer door naar een bestand."
        )
    peildatum = parse_peildatum(per)
    root = find_root(data)
    outcome = make_report(
        root,
        peildatum=peildatum,
        kind="pdf" if kind == "pdf" else "html" if kind == "html" else "markdown",
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
        overeenkomst=overeenkomst,
        output=output,
        templates=templates,
        alle=alle,
        rev=rev,
        sinds=sinds,
        cache=data_cache(root),
    )
    if outcome.text is not None:
        sys.stdout.write(outcome.text)
    if outcome.data is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(outcome.data)
        sys.stdout.buffer.flush()
    for path in outcome.written:
        print(f"Geschreven: {path}")
    return 0
