"""The Typer application that every command module registers itself on."""

from __future__ import annotations

from typing import Annotated

import typer

from prestatie import __version__
from prestatie.cli.dutch_help import voorbeelden

app = typer.Typer(
    name="prestatie",
    help=(
        "Prestatieafspraken en projecten als YAML in git: controleren, voortgang bijhouden en rapporteren."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=voorbeelden(
        "prestatie validate",
        "prestatie status --gemeente Kerkrade",
        "prestatie report --gemeente Kerkrade --output kerkrade.html",
        "prestatie COMMANDO --help",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"prestatie {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    *,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Toon het versienummer en stop.",
        ),
    ] = False,
) -> None:
    """Prestatieafspraken en projecten als YAML in git: controleren, voortgang bijhouden en rapporteren."""
