"""``prestatie report``: a briefing as Markdown or a self-contained HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from prestatie.cli.app import app
from prestatie.cli.options import DataOption, PerOption, choose_format, parse_peildatum
from prestatie.errors import UsageError

FORMATS = ("markdown", "html")
_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def _pick_format(format: str | None, output: Path | None, alle: bool) -> str:
    if format is not None:
        return choose_format(format, FORMATS)
    if output is None or alle:
        return "markdown"
    kind = _BY_SUFFIX.get(output.suffix.lower())
    if kind is None:
        raise UsageError(
            f"Uit de naam '{output.name}' blijkt niet welk formaat u wilt. Gebruik de extensie .md of "
            ".html, of geef --format markdown of --format html op."
        )
    return kind


@app.command()
def report(
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
            help="Alleen projecten waarbij deze corporatie trekker of partij is (id of naam).",
            show_default=False,
        ),
    ] = None,
    thema: Annotated[
        str | None,
        typer.Option("--thema", metavar="T", help="Alleen dit thema (id of naam).", show_default=False),
    ] = None,
    per: PerOption = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="markdown|html",
            help="Uitvoer: markdown of html (standaard: volgens de extensie van --output, anders markdown).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PAD",
            help="Schrijf naar dit bestand (.md of .html) in plaats van naar het scherm; met --alle een map.",
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
) -> int:
    """Maak een briefing over de voortgang: Markdown of een HTML-pagina om te printen."""
    from prestatie.report.build import make_report
    from prestatie.source import find_root

    kind = _pick_format(format, output, alle)
    peildatum = parse_peildatum(per)
    root = find_root(data)
    outcome = make_report(
        root,
        peildatum=peildatum,
        kind="html" if kind == "html" else "markdown",
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
        output=output,
        templates=templates,
        alle=alle,
    )
    if outcome.text is not None:
        sys.stdout.write(outcome.text)
    for path in outcome.written:
        print(f"Geschreven: {path}")
    return 0
