"""``prestatie diff VAN [TOT]``: what changed in the data between two moments, from git."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden
from prestatie.cli.options import (
    CorporatieOption,
    DataOption,
    GemeenteOption,
    ThemaOption,
    choose_format,
    data_cache,
)

app = commands()

FORMATS = ("text", "json", "markdown")


@app.command(
    epilog=voorbeelden(
        "prestatie diff v2023 v2024",
        "prestatie diff v2023",
        "prestatie diff 2024-01-01 --gemeente Kerkrade --format json",
        "prestatie diff v2024 --overeenkomst parkstad-2024-2028",
    )
)
def diff(
    van: Annotated[
        str,
        typer.Argument(
            metavar="VAN",
            help="Vanaf deze revisie: een tag, branch, commit of datum (JJJJ-MM-DD: de laatste commit "
            "op of vóór die dag).",
            show_default=False,
        ),
    ],
    tot: Annotated[
        str | None,
        typer.Argument(
            metavar="[TOT]",
            help="Tot deze revisie (standaard: de werkmap, met wat nog niet is vastgelegd).",
            show_default=False,
        ),
    ] = None,
    *,
    data: DataOption = None,
    gemeente: GemeenteOption = None,
    corporatie: CorporatieOption = None,
    thema: ThemaOption = None,
    overeenkomst: Annotated[
        str | None,
        typer.Option(
            "--overeenkomst",
            metavar="ID|alle",
            help="Alleen wijzigingen die deze overeenkomst (met haar onderdelen) raken: haar bestand, "
            "haar afspraken en hun projecten; 'alle' (standaard) toont alles.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="text|json|markdown",
            help="Uitvoer: text, json of markdown (voor een pull request).",
        ),
    ] = "text",
) -> int:
    """Toon wat er inhoudelijk veranderde tussen twee momenten in git: projecten, status,
    planning, bijdragen, afspraken en voortgang, per gemeente."""
    from prestatie.diff.engine import diff_revisions
    from prestatie.source import find_root

    output = choose_format(format, FORMATS)
    root = find_root(data)
    result = diff_revisions(
        root,
        van,
        tot,
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
        overeenkomst=overeenkomst,
        cache=data_cache(root),
    )
    if output == "json":
        import json

        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif output == "markdown":
        from prestatie.diff.markdown import render as render_markdown

        sys.stdout.write(render_markdown(result))
    else:
        from prestatie.diff.text import render

        sys.stdout.write(render(result))
    return 0 if result.ok else 1
