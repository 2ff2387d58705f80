"""``prestatie status``: progress against the agreements, as text or JSON."""

from __future__ import annotations

import datetime as dt
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

FORMATS = ("text", "json")
COMPARE_FORMATS = ("text", "json", "markdown")


@app.command(
    epilog=voorbeelden(
        "prestatie status",
        "prestatie status --gemeente Kerkrade",
        "prestatie status --corporatie HEEMwonen --per 2024-12-31",
        "prestatie status --thema nieuwbouw --format json",
    )
)
def status(
    *,
    data: DataOption = None,
    gemeente: GemeenteOption = None,
    corporatie: CorporatieOption = None,
    thema: ThemaOption = None,
    overeenkomst: OvereenkomstOption = None,
    per: PerOption = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="text|json|markdown",
            help="Uitvoer: text of json; met --vergelijk ook markdown.",
        ),
    ] = "text",
    rev: RevOption = None,
    vergelijk: Annotated[
        str | None,
        typer.Option(
            "--vergelijk",
            metavar="REV",
            help="Vergelijk met de gegevens in deze git-revisie (bijvoorbeeld de basisbranch van een "
            "pull request): welke afspraken van oordeel of gerealiseerd veranderen, en wat er "
            "inhoudelijk veranderde.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Toon per afspraak en doel of het op koers ligt, en welke projecten vertraagd zijn."""

    from prestatie.source import find_root

    peildatum = parse_peildatum(per)
    if vergelijk is not None:
        return _compare(
            find_root(data), vergelijk, format, rev, peildatum, gemeente, corporatie, thema, overeenkomst
        )

    from prestatie.status import compute_status
    from prestatie.validate import load_valid

    output = choose_format(format, FORMATS)
    root = find_root(data)
    revisie = None
    if rev is None:
        dataset = load_valid(root, cache=data_cache(root))
    else:
        from prestatie.gitsource import GitRepo
        from prestatie.validate import load_valid_at

        repo = GitRepo(root)
        revision = repo.resolve(rev)
        dataset = load_valid_at(repo, revision, cache=data_cache(root))
        revisie = f"revisie {revision.name} (commit {revision.commit[:12]})"
    report = compute_status(
        dataset,
        peildatum=peildatum,
        gemeente=gemeente,
        corporatie=corporatie,
        thema=thema,
        overeenkomst=overeenkomst,
    )
    if output == "json":
        import json

        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from prestatie.status import text
        from prestatie.terminal import console

        text.write(report, console(), revisie=revisie)
    return 0


def _compare(
    root: Path,
    base: str,
    format: str,
    rev: str | None,
    peildatum: dt.date,
    gemeente: str | None,
    corporatie: str | None,
    thema: str | None,
    overeenkomst: str | None,
) -> int:
    """``status --vergelijk BASE``: the verdicts that move from BASE to the working tree."""
    from prestatie.status.vergelijk import compare_status

    output = choose_format(format, COMPARE_FORMATS)
    if rev is not None:
        raise UsageError(
            "--vergelijk vergelijkt een revisie met de werkmap; --rev gaat daar niet mee samen. "
            "Laat --rev weg, of gebruik 'prestatie diff VAN TOT' tussen twee revisies."
        )
    result = compare_status(
        root,
        base,
        peildatum=peildatum,
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
        from prestatie.status.vergelijk_text import render_markdown

        sys.stdout.write(render_markdown(result))
    else:
        from prestatie.status.vergelijk_text import render

        sys.stdout.write(render(result))
    return 0
