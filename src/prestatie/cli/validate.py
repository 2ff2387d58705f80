"""``prestatie validate``: check the data set, report every finding, exit 0 or 1."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden
from prestatie.cli.options import DataOption, PerOption, choose_format, data_cache, parse_peildatum
from prestatie.reporters import FORMATS

app = commands()


@app.command(
    epilog=voorbeelden(
        "prestatie validate",
        "prestatie validate --per 2024-12-31",
        "prestatie validate --format json > meldingen.json",
        "prestatie validate pad/naar/repository --strict",
    )
)
def validate(
    pad: Annotated[
        Path | None,
        typer.Argument(
            metavar="PAD",
            help="De map die data/ bevat (standaard: deze map of de dichtstbijzijnde map erboven).",
            show_default=False,
        ),
    ] = None,
    *,
    data: DataOption = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(FORMATS),
            help="Uitvoer: text, json, github, sarif, junit of markdown.",
        ),
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Waarschuwingen tellen als fouten (exitcode 1).")
    ] = False,
    per: PerOption = None,
    meldingen_link: Annotated[
        str | None,
        typer.Option(
            "--meldingen-link",
            metavar="URL",
            help="Bij --format markdown: waar alle meldingen te zien zijn (bijvoorbeeld code scanning); "
            "bij meer dan 10 meldingen linkt de samenvatting daarheen.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Controleer alle bestanden in data/ en meld elke fout met bestand, regel en kolom."""
    from prestatie.source import SourceLineCache, find_root
    from prestatie.validate import validate_directory

    output = choose_format(format, FORMATS)
    peildatum = parse_peildatum(per)
    root = find_root(pad or data)
    _, result = validate_directory(root, peildatum=peildatum, cache=data_cache(root))
    if strict:
        result = result.strict()
    if output == "text":
        from prestatie.reporters import text

        text.show(result, SourceLineCache(root))
    elif output == "markdown":
        from prestatie.reporters import markdown

        sys.stdout.write(markdown.render(result, meldingen_link))
    else:
        from prestatie.reporters import renderer

        sys.stdout.write(renderer(output)(result))
    return 0 if result.ok else 1
