"""``prestatie geschiedenis PROJECT-ID``: a project's timeline from git."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden
from prestatie.cli.options import DataOption, choose_format

app = commands()

FORMATS = ("text", "json")


@app.command(epilog=voorbeelden("prestatie geschiedenis kerkrade-kaalheide-verduurzaming"))
def geschiedenis(
    project: Annotated[
        str,
        typer.Argument(
            metavar="PROJECT-ID",
            help="De id van het project (de bestandsnaam zonder .yaml).",
            show_default=False,
        ),
    ],
    *,
    data: DataOption = None,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="text|json", help="Uitvoer: text of json.")
    ] = "text",
) -> int:
    """Toon de geschiedenis van een project uit git: per commit de datum, de auteur en wat er
    inhoudelijk veranderde, ook als het bestand is hernoemd."""
    from prestatie.history import project_history, render
    from prestatie.source import find_root

    output = choose_format(format, FORMATS)
    history = project_history(find_root(data), project)
    if output == "json":
        import json

        sys.stdout.write(json.dumps(history.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render(history))
    return 0
