"""``prestatie schema``: write the JSON Schemas of the data files (for editors and CI)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from prestatie.cli.app import commands
from prestatie.cli.dutch_help import voorbeelden

app = commands()


@app.command(epilog=voorbeelden("prestatie schema --output schemas/"))
def schema(
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="MAP",
            help="De map waarin de schema's komen (wordt aangemaakt als die nog niet bestaat).",
        ),
    ] = Path("schemas"),
) -> int:
    """Schrijf de JSON Schema's van regio, thema's, afspraken en projecten (voor editors als VS Code)."""
    from prestatie.errors import UsageError
    from prestatie.jsonschema import write_schemas

    if output.exists() and not output.is_dir():
        raise UsageError(f"'{output}' is geen map. Geef bij --output een map op, bijvoorbeeld schemas/.")
    for path in write_schemas(output):
        typer.echo(f"Geschreven: {path}")
    return 0
